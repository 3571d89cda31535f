import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import type { RecordedParse } from "../../src/adapters/typescript/recorded-parses.js";
import { textHash } from "../../src/adapters/typescript/recorded-parses.js";
import { typescriptSourceInspector } from "../../src/adapters/typescript/source-inspector.js";
import { loadLayerMap } from "../../src/application/load-layer-map.js";
import { selectFiles } from "../../src/application/select-files.js";
import { defaultPorts } from "../../src/cli/default-ports.js";
import { createLayerClassifier } from "../../src/domain/classify/layer-classifier.js";
import { compileCruiseOptions, compileRules } from "../../src/domain/compile/compile-rules.js";
import { fixturePath, REPO_ROOT } from "../helpers/run-built-cli.js";

/** The built cruise worker, as `layerlint check` starts it (tests run the sources, which cruise in-process). */
const CRUISE_WORKER = join(REPO_ROOT, "dist/adapters/dependency-cruiser/cruise-worker.js");

async function cruiseInWorker(root: string): Promise<{ files: readonly string[]; parses: RecordedParse[] }> {
  const ports = defaultPorts();
  const { map, rootDir } = await loadLayerMap(ports, join(root, "layers.yaml"), root);
  const files = (await selectFiles(ports.fileSystem, rootDir, map)).checked;
  const options = compileCruiseOptions(compileRules(map, createLayerClassifier(map.layers)), {
    baseDir: rootDir,
    tsconfig: null,
  });
  const worker = new Worker(CRUISE_WORKER);
  const answer = await new Promise<{ parses: RecordedParse[] }>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.postMessage({ files: [...files], options, hints: undefined, session: 0 });
  }).finally(() => worker.terminate());
  return { files, parses: answer.parses };
}

describe("the cruise's parse is the syntax check's", () => {
  it("records every checked file dependency-cruiser parsed, with the very problem the syntax check finds", async () => {
    const root = fixturePath("syntax-error");
    const { files, parses } = await cruiseInWorker(root);
    expect(files).toEqual(["src/app/broken.ts", "src/app/fine.ts", "src/db/rows.ts"]);
    const byPath = new Map(parses.map((parse) => [parse.path, parse]));
    for (const file of files) {
      const text = readFileSync(join(root, file), "utf8");
      const [first] = typescriptSourceInspector.syntaxProblems(file, text);
      expect(byPath.get(join(root, file))).toEqual({
        path: join(root, file),
        hash: textHash(text),
        problem: first ?? null,
      });
    }
    expect(byPath.get(join(root, "src/app/broken.ts"))?.problem).toEqual({
      line: 3,
      column: 14,
      message: "Variable declaration expected.",
    });
  });
});
