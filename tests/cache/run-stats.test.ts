import { mkdirSync, writeFileSync } from "node:fs";
import type { StatOptions } from "node:fs";
import * as fsPromises from "node:fs/promises";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createContentHashes, hashBytes } from "../../src/adapters/cache/content-hashes.js";
import { createRunStats, sizesFromRunStats, type StatCall } from "../../src/adapters/cache/run-stats.js";
import {
  createNodeFileSystem,
  nodeFileSystem,
  type FileSystemCalls,
} from "../../src/adapters/file-system/node-file-system.js";
import { loadLayerMap } from "../../src/application/load-layer-map.js";
import { selectFiles } from "../../src/application/select-files.js";
import { defaultPorts } from "../../src/cli/default-ports.js";
import { FileSystemFailure } from "../../src/domain/errors.js";
import { emptyFolderPerTest } from "../helpers/temp-fixture.js";

const folder = emptyFolderPerTest("layerlint-run-stats-");

/** One record of every stat, whether the run's stats or the file system take it. */
function countingStats(): { runStats: StatCall; fileSystemCalls: FileSystemCalls; calls: string[] } {
  const calls: string[] = [];
  const counted = ((path: string, options?: StatOptions) => {
    calls.push(path);
    return stat(path, options);
  }) as typeof stat;
  return {
    calls,
    runStats: (path, options) => counted(path, options),
    fileSystemCalls: { ...fsPromises, stat: counted },
  };
}

describe("one stat per file and run", () => {
  it("serves the listing's size check and the cache's stat signature with one stat of each file", async () => {
    const dir = folder();
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "src/a.ts"), "export const a = 1;\n");
    writeFileSync(join(dir, "src/b.ts"), "export const b = 22;\n");
    writeFileSync(join(dir, "layers.yaml"), "version: 1\ninclude: [src]\nlayers:\n  all: { paths: [src] }\n");
    const { map } = await loadLayerMap(defaultPorts(), join(dir, "layers.yaml"), dir);
    const counted = countingStats();
    const stats = createRunStats(counted.runStats);

    const fileSystem = sizesFromRunStats(createNodeFileSystem(counted.fileSystemCalls), stats);
    const selection = await selectFiles(fileSystem, dir, map);
    const hashes = createContentHashes(dir, { stats });
    const found = await Promise.all(selection.checked.map((file) => hashes.of(file)));

    expect(selection.checked).toEqual(["src/a.ts", "src/b.ts"]);
    expect(found).toEqual([hashBytes("export const a = 1;\n"), hashBytes("export const b = 22;\n")]);
    const files = counted.calls.filter((path) => path.endsWith(".ts")).sort();
    expect(files).toEqual([join(dir, "src/a.ts"), join(dir, "src/b.ts")]);
  });

  it("answers a file's size from the shared stat, and null for a folder", async () => {
    const dir = folder();
    writeFileSync(join(dir, "a.ts"), "12345");
    mkdirSync(join(dir, "folder"));
    const fileSystem = sizesFromRunStats(nodeFileSystem, createRunStats());
    expect(await fileSystem.fileSize(join(dir, "a.ts"))).toBe(5);
    expect(await fileSystem.fileSize(join(dir, "folder"))).toBeNull();
  });

  it("leaves a missing file or a failed stat to the file system, which answers null or names the failure", async () => {
    const dir = folder();
    const refused: StatCall = () => Promise.reject(Object.assign(new Error("EACCES"), { code: "EACCES" }));
    const fileSystem = sizesFromRunStats(nodeFileSystem, createRunStats(refused));
    expect(await fileSystem.fileSize(join(dir, "missing.ts"))).toBeNull();

    writeFileSync(join(dir, "a.ts"), "12345");
    const failing = sizesFromRunStats(
      { ...nodeFileSystem, fileSize: () => Promise.reject(new FileSystemFailure("cannot inspect a.ts", null)) },
      createRunStats(refused),
    );
    await expect(failing.fileSize(join(dir, "a.ts"))).rejects.toThrow("cannot inspect a.ts");
  });
});
