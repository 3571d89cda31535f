// Writes the JSON Schemas shipped in the package, generated from the zod schemas layerlint validates with.
import { mkdirSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { layerMapFileSchema } from "../dist/domain/map/layer-map-schema.js";
import { checkReportSchema } from "../dist/domain/report/report-schema.js";

const outputs = {
  "schema/layer-map.schema.json": layerMapFileSchema,
  "schema/report.schema.json": checkReportSchema,
};
mkdirSync(new URL("../schema/", import.meta.url), { recursive: true });
for (const [file, schema] of Object.entries(outputs)) {
  const json = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" });
  writeFileSync(new URL(`../${file}`, import.meta.url), `${JSON.stringify(json, null, 2)}\n`);
}
