import { describe, expect, it } from "vitest";
import {
  defaultPorts,
  diagnoseMap,
  explainLayers,
  findLayerMap,
  loadLayerMap,
  renderDoctorReport,
  renderLayerPairExplanation,
  type CheckPorts,
} from "../../src/index.js";
import { fixturePath } from "../helpers/run-built-cli.js";

/** The README's "Library" example, run against the public entry point. Vitest runs sources, where the syntax worker is not built. */
const ports: CheckPorts = defaultPorts({ syntax: { check: () => Promise.resolve([]) } });

describe("the library API", () => {
  it("diagnoses a map and explains a layer pair, as the CLI does", async () => {
    const cwd = fixturePath("doctor-long-cycle");
    const loaded = await loadLayerMap(ports, await findLayerMap(ports.fileSystem, cwd, undefined), cwd);
    const report = await diagnoseMap(ports, { loaded, cwd, strict: false });
    expect(report.findings.map((finding) => finding.code)).toEqual(["allowed-cycle"]);
    expect(renderDoctorReport(report, "text")).toContain("✔ doctor: 0 errors, 1 warning, 0 info");

    const { explanation, render } = await explainLayers(ports, { loaded, cwd, from: "a", to: "c" });
    expect(explanation.allowed).toBe(false);
    expect(renderLayerPairExplanation(explanation, render)).toBe(
      [
        "a → c: not allowed: layers.a.mayImport lists b; c is not among them (layers.yaml:5:16)",
        "no file of a imports a file of c",
        "a reaches c indirectly, shortest chain (2 imports):",
        '  src/a/a.ts:1:1  "../b/b.js" → src/b/b.ts',
        '  src/b/b.ts:1:1  "../c/c.js" → src/c/c.ts',
        "",
      ].join("\n"),
    );
  });
});
