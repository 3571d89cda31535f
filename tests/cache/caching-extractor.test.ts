import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { toolVersions } from "../../src/adapters/cache/cache-key.js";
import { cachingExtractor } from "../../src/adapters/cache/caching-extractor.js";
import { openCheckCache } from "../../src/adapters/cache/check-cache.js";
import { createContentHashes } from "../../src/adapters/cache/content-hashes.js";
import { dependencyCruiserExtractor } from "../../src/adapters/dependency-cruiser/dependency-cruiser-extractor.js";
import { loadLayerMap } from "../../src/application/load-layer-map.js";
import type { DependencyExtractor } from "../../src/application/ports.js";
import { selectFiles } from "../../src/application/select-files.js";
import { defaultPorts } from "../../src/cli/default-ports.js";
import { createLayerClassifier } from "../../src/domain/classify/layer-classifier.js";
import { compileCruiseOptions, compileRules, withoutCycleRule } from "../../src/domain/compile/compile-rules.js";
import type { CruiseOptions } from "../../src/domain/compile/rule-set.js";
import { fixturePath } from "../helpers/run-built-cli.js";

interface Call {
  readonly files: readonly string[];
  readonly maxDepth: number | undefined;
}

let dir: string;
let calls: Call[];
/** The real extractor, counting what it is asked to cruise. */
const counting: DependencyExtractor = {
  extract(files, options) {
    calls.push({ files: [...files], maxDepth: options.maxDepth });
    return dependencyCruiserExtractor.extract(files, options);
  },
};

beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), "layerlint-cache-unit-")));
  cpSync(fixturePath("cycles"), dir, { recursive: true });
  calls = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function compiled(
  mapName: string,
): Promise<{ files: readonly string[]; options: CruiseOptions; mapFile: string }> {
  const ports = defaultPorts();
  const mapFile = join(dir, mapName);
  const { map, rootDir } = await loadLayerMap(ports, mapFile, dir);
  const selection = await selectFiles(ports.fileSystem, rootDir, map);
  const options = withoutCycleRule(
    compileCruiseOptions(compileRules(map, createLayerClassifier(map.layers)), {
      baseDir: rootDir,
      tsconfig: map.tsconfig === null ? null : join(rootDir, map.tsconfig),
    }),
  );
  return { files: selection.checked, options, mapFile };
}

/** One run through the cache, as one `layerlint check` would make it. */
async function cachedRun(mapName = "layers.yaml") {
  const { files, options, mapFile } = await compiled(mapName);
  const warnings: string[] = [];
  const cache = await openCheckCache(
    { ...defaultPorts(), extractor: counting },
    { dir: join(dir, "cache"), rootDir: dir, mapFile, warn: (message) => warnings.push(message) },
  );
  calls = [];
  const graph = await cache.ports.extractor.extract(files, options);
  expect(warnings).toEqual([]);
  return { graph, calls: [...calls], summary: cache.summary() };
}

async function coldGraph(mapName = "layers.yaml") {
  const { files, options } = await compiled(mapName);
  return dependencyCruiserExtractor.extract(files, options);
}

const edit = (file: string, change: (text: string) => string) =>
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), "utf8")));

describe("the caching extractor", () => {
  it("answers an unchanged tree without calling dependency-cruiser, with the cold graph exactly", async () => {
    const first = await cachedRun();
    expect(first.calls).toHaveLength(1);
    const warm = await cachedRun();
    expect(warm.calls).toEqual([]);
    expect(warm.graph).toEqual(await coldGraph());
  });

  it("re-cruises only the edited file (maxDepth 1) when its imports are unchanged", async () => {
    await cachedRun();
    edit("src/lib/x.ts", (text) => `${text}export const more = 3;\n`);
    const partial = await cachedRun();
    expect(partial.calls).toEqual([{ files: ["src/lib/x.ts"], maxDepth: 1 }]);
    expect(partial.graph).toEqual(await coldGraph());
    expect(partial.summary).toBe("cache: graph 5 hits, 1 misses (re-cruised src/lib/x.ts)");
  });

  it.each(["layers.yaml", "layers.cycles-off.yaml"])(
    "merges the re-cruised file when its imports change, whatever the cycles policy (%s): layerlint finds cycles itself",
    async (mapName) => {
      await cachedRun(mapName);
      edit("src/lib/z.ts", (text) => `import { c } from "./c.js";\n${text}export const zc = c;\n`);
      const run = await cachedRun(mapName);
      expect(run.calls).toEqual([{ files: ["src/lib/z.ts"], maxDepth: 1 }]);
      const cold = await coldGraph(mapName);
      expect(run.graph).toEqual(cold);
      expect(
        cold.modules
          .find((module) => module.source === "src/lib/z.ts")
          ?.dependencies.map((dependency) => dependency.resolved),
      ).toEqual(["src/lib/c.ts", "src/lib/x.ts"]);
    },
  );

  it("drops the excluded modules an edited file no longer reaches, and re-cruises an edited excluded module alone", async () => {
    writeFileSync(
      join(dir, "layers.gen.yaml"),
      'version: 1\nexclude: ["src/lib/gen/**"]\noptions:\n  cycles: off\nlayers:\n  app:\n    paths: ["src/app/**"]\n    mayImport: [lib]\n  lib:\n    paths: ["src/lib/**"]\n',
    );
    mkdirSync(join(dir, "src/lib/gen"));
    writeFileSync(join(dir, "src/lib/gen/g.ts"), `import { h } from "./h.js";\nexport const g = h;\n`);
    writeFileSync(join(dir, "src/lib/gen/h.ts"), "export const h = 1;\n");
    edit("src/lib/z.ts", (text) => `import { g } from "./gen/g.js";\n${text}export const zg = g;\n`);
    const first = await cachedRun("layers.gen.yaml");
    expect(first.graph.modules.map((module) => module.source)).toContain("src/lib/gen/h.ts");

    edit("src/lib/gen/h.ts", () => "export const h = 2;\n");
    const excludedEdited = await cachedRun("layers.gen.yaml");
    expect(excludedEdited.calls).toEqual([{ files: ["src/lib/gen/h.ts"], maxDepth: 1 }]);
    expect(excludedEdited.graph).toEqual(await coldGraph("layers.gen.yaml"));

    edit("src/lib/z.ts", (text) =>
      text.replace(`import { g } from "./gen/g.js";\n`, "").replace("export const zg = g;\n", ""),
    );
    const dropped = await cachedRun("layers.gen.yaml");
    expect(dropped.calls).toEqual([{ files: ["src/lib/z.ts"], maxDepth: 1 }]);
    const cold = await coldGraph("layers.gen.yaml");
    expect(dropped.graph).toEqual(cold);
    expect(cold.modules.map((module) => module.source)).not.toContain("src/lib/gen/h.ts");
  });

  it("runs cold when the recorded layerlint version differs", async () => {
    const { files, options, mapFile } = await compiled("layers.yaml");
    const run = (layerlint: string) => {
      const outcomes: string[] = [];
      const extractor = cachingExtractor({
        inner: counting,
        fileSystem: defaultPorts().fileSystem,
        hashes: createContentHashes(dir),
        versions: { ...toolVersions(), layerlint },
        file: join(dir, "cache", `graph-${mapFile.length}.json`),
        warn: (message) => outcomes.push(message),
        report: (outcome) => outcomes.push(outcome.run),
      });
      calls = [];
      return extractor.extract(files, options).then((graph) => ({ graph, outcomes, calls: [...calls] }));
    };
    expect((await run("0.0.9")).outcomes).toEqual(["cold"]);
    expect((await run("0.0.9")).outcomes).toEqual(["warm"]);
    const upgraded = await run("0.1.0");
    expect(upgraded.outcomes).toEqual(["cold"]);
    expect(upgraded.calls).toEqual([{ files, maxDepth: undefined }]);
    expect(upgraded.graph).toEqual(await coldGraph());
  });
});
