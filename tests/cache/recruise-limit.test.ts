import { appendFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/run-in-process.js";

/** A project of `count` files in one layer, each importing the one before. */
function writeProject(dir: string, count: number): string[] {
  writeFileSync(join(dir, "layers.yaml"), 'version: 1\nlayers:\n  app:\n    paths: ["src/**"]\n');
  mkdirSync(join(dir, "src"));
  const files = Array.from({ length: count }, (_, index) => `src/f${String(index).padStart(3, "0")}.ts`);
  files.forEach((file, index) => {
    const previous =
      index === 0 ? "" : `import { f${index - 1} } from "./f${String(index - 1).padStart(3, "0")}.js";\n`;
    writeFileSync(join(dir, file), `${previous}export const f${index} = ${index};\n`);
  });
  return files;
}

const cacheLineOf = (stderr: string) => stderr.split("\n").find((line) => line.startsWith("cache: graph"));

describe("how many changed files the cache re-cruises", () => {
  let dir: string;
  beforeEach(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), "layerlint-recruise-limit-")));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const check = () => runInProcess(["check", "--format", "json", "--timings"], dir, {}, { cache: "project" });

  it("re-cruises up to one checked file in 10, and runs cold beyond, printing what a cold run prints", async () => {
    const files = writeProject(dir, 170);
    await check();
    for (const file of files.slice(0, 17)) appendFileSync(join(dir, file), "// edited\n");
    const partial = await check();
    expect(cacheLineOf(partial.stderr)).toMatch(/^cache: graph 153 hits, 17 misses \(re-cruised src\/f000\.ts, /);
    for (const file of files.slice(0, 18)) appendFileSync(join(dir, file), "// edited again\n");
    const cold = await check();
    expect(cacheLineOf(cold.stderr)).toMatch(/\(cold: more than 17 files changed\)/);
    const uncached = await runInProcess(["check", "--format", "json", "--no-cache"], dir);
    expect([partial.status, cold.status]).toEqual([0, 0]);
    expect(cold.stdout).toBe(uncached.stdout);
  });

  it("re-cruises at least 16 in a small project", async () => {
    const files = writeProject(dir, 20);
    await check();
    for (const file of files.slice(0, 16)) appendFileSync(join(dir, file), "// edited\n");
    expect(cacheLineOf((await check()).stderr)).toMatch(/^cache: graph 4 hits, 16 misses/);
    for (const file of files.slice(0, 17)) appendFileSync(join(dir, file), "// edited again\n");
    expect(cacheLineOf((await check()).stderr)).toMatch(/\(cold: more than 16 files changed\)/);
  });
});
