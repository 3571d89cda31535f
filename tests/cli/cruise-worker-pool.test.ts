import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import type { DependencyExtractor } from "../../src/application/ports.js";
import { loadLayerMap } from "../../src/application/load-layer-map.js";
import { selectFiles } from "../../src/application/select-files.js";
import { defaultPorts } from "../../src/cli/default-ports.js";
import { createLayerClassifier } from "../../src/domain/classify/layer-classifier.js";
import { compileCruiseOptions, compileRules } from "../../src/domain/compile/compile-rules.js";
import type { CruiseOptions } from "../../src/domain/compile/rule-set.js";
import { dependencyCruiserExtractor } from "../../src/adapters/dependency-cruiser/dependency-cruiser-extractor.js";
import type * as WorkerExtractorModule from "../../src/adapters/dependency-cruiser/worker-dependency-extractor.js";
import type * as StartWorkerModule from "../../src/adapters/threads/start-worker.js";
import { REPO_ROOT } from "../helpers/run-built-cli.js";
import { copyFixtureFolder, type FixtureCopy } from "../helpers/temp-fixture.js";

/** The built adapter, as `layerlint check` runs it (the sources cruise in-process: there is no compiled worker). */
const built = async () => ({
  ...((await import(
    join(REPO_ROOT, "dist/adapters/dependency-cruiser/worker-dependency-extractor.js")
  )) as typeof WorkerExtractorModule),
  ...((await import(join(REPO_ROOT, "dist/adapters/threads/start-worker.js"))) as typeof StartWorkerModule),
});

/** A worker extractor whose threads are counted. */
async function countedExtractor(): Promise<{ extractor: DependencyExtractor; started: Worker[] }> {
  const { workerDependencyExtractor, startWorker } = await built();
  const started: Worker[] = [];
  const extractor = workerDependencyExtractor(undefined, (url, options, flags) => {
    const worker = startWorker(url, options, flags);
    started.push(worker);
    return worker;
  });
  return { extractor, started };
}

async function optionsOf(root: string): Promise<{ files: readonly string[]; options: CruiseOptions }> {
  const ports = defaultPorts();
  const { map, rootDir } = await loadLayerMap(ports, join(root, "layers.yaml"), root);
  const files = (await selectFiles(ports.fileSystem, rootDir, map)).checked;
  const options = compileCruiseOptions(compileRules(map, createLayerClassifier(map.layers)), {
    baseDir: rootDir,
    tsconfig: join(rootDir, "tsconfig.json"),
  });
  return { files, options: { ...options, maxDepth: 1 } };
}

const resolvedImports = async (extractor: DependencyExtractor, file: string, options: CruiseOptions) =>
  (await extractor.extract([file], options)).modules
    .find((module) => module.source === file)
    ?.dependencies.map((dependency) => dependency.resolved);

describe("the cruise's worker threads", () => {
  let copy: FixtureCopy;
  const threads: Worker[][] = [];
  afterEach(async () => {
    await Promise.all(
      threads
        .splice(0)
        .flat()
        .map((worker) => worker.terminate()),
    );
    copy.remove();
  });

  /** A copy of the cache-events fixture, its cruise options and a counted worker extractor, its threads ended after. */
  const setUp = async () => {
    copy = copyFixtureFolder("cache-events");
    const counted = await countedExtractor();
    threads.push(counted.started);
    return { ...(await optionsOf(copy.dir)), ...counted };
  };

  it("answer one file's cruise after another from one worker, each as a cruise of its own would", async () => {
    const { files, options, extractor, started } = await setUp();
    for (const file of files) {
      expect(await extractor.extract([file], options)).toEqual(
        await dependencyCruiserExtractor.extract([file], options),
      );
    }
    expect(files.length).toBe(5);
    expect(started).toHaveLength(1);
    // Each cruise took its listeners off the worker again: only the pool's own remain.
    expect(started[0]?.listenerCount("message")).toBe(0);
    expect(started[0]?.listenerCount("error")).toBe(1);
  });

  it("follow a changed tsconfig in the same worker once the analysis that read it is over (the next package's)", async () => {
    const { options, extractor, started } = await setUp();
    // Released while its worker is busy: the worker goes back to the pool, and must not keep that session's tsconfig.
    const first = resolvedImports(extractor, "src/http/route.ts", options);
    extractor.release?.();
    expect(await first).toContain("src/domain/users.ts");
    copy.write("tsconfig.json", copy.read("tsconfig.json").replace('"src/domain/*"', '"src/db/*"'));
    expect(await resolvedImports(extractor, "src/http/route.ts", options)).toContain("src/db/users.ts");
    expect(started).toHaveLength(1);
  });

  it("see a file written since the worker's last cruise, within one analysis (folders are listed afresh)", async () => {
    const { options, extractor, started } = await setUp();
    copy.write("src/db/orders.ts", 'import { later } from "./later.js";\nexport const orders = later;\n');
    expect(await resolvedImports(extractor, "src/db/orders.ts", options)).toEqual(["./later.js"]);
    copy.write("src/db/later.ts", "export const later = 1;\n");
    expect(await resolvedImports(extractor, "src/db/orders.ts", options)).toEqual(["src/db/later.ts"]);
    expect(started).toHaveLength(1);
  });

  it("keep a worker whose cruise failed for the next one", async () => {
    const { options, extractor, started } = await setUp();
    await expect(extractor.extract(["src/http/missing.ts"], options)).rejects.toThrow(/missing\.ts/);
    expect(await resolvedImports(extractor, "src/db/users.ts", options)).toEqual(["src/domain/users.ts"]);
    expect(started).toHaveLength(1);
  });

  it("start one worker ahead when prepared, which the next cruise takes", async () => {
    const { options, extractor, started } = await setUp();
    extractor.prepare?.();
    extractor.prepare?.();
    expect(started).toHaveLength(1);
    expect(await resolvedImports(extractor, "src/db/users.ts", options)).toEqual(["src/domain/users.ts"]);
    expect(started).toHaveLength(1);
  });
});
