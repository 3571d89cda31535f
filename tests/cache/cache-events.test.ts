import { readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { copyFixtureInProcess, type TempFixture } from "../helpers/temp-fixture.js";

/**
 * The check cache against every kind of change, through the CLI in process on copies of cache-events: a cached
 * run reports exactly what a cold one does. The cache across separate processes: cache-across-processes.test.ts.
 */
let project: TempFixture;
beforeEach(() => {
  project = copyFixtureInProcess("cache-events");
});
afterEach(() => project.remove());

const cacheDir = () => join(project.dir, "node_modules", ".cache", "layerlint");

/** A cached run's report, after the cache was filled by a run before the event, next to a cold run's. */
async function cachedAndCold(): Promise<{ cached: string; cold: string; cacheLine: string; stderr: string }> {
  const cached = await project.run("check", "--format", "json", "--timings");
  const cold = await project.run("check", "--format", "json", "--no-cache");
  expect(cold.status).toBe(cached.status);
  const cacheLine = cached.stderr.split("\n").find((line) => line.startsWith("cache: ")) ?? "";
  return { cached: cached.stdout, cold: cold.stdout, cacheLine, stderr: cached.stderr };
}

async function primed(): Promise<void> {
  const first = await project.run("check", "--format", "json", "--timings");
  expect(first.stderr).toContain("cache: graph 0 hits, 5 misses (cold: no cache yet); syntax 0 hits, 5 misses");
  expect((await project.run("check", "--format", "json", "--timings")).stderr).toContain(
    "cache: graph 5 hits, 0 misses (nothing changed); syntax 5 hits, 0 misses",
  );
}

const violationsOf = (json: string) =>
  (JSON.parse(json) as { violations: { from: string; to: string }[] }).violations.map(
    (violation) => `${violation.from} -> ${violation.to}`,
  );

describe("a cached check reports exactly what a cold check reports", () => {
  it("nothing changed: every answer from the cache", async () => {
    await primed();
    const { cached, cold, cacheLine } = await cachedAndCold();
    expect(cached).toBe(cold);
    expect(cacheLine).toBe("cache: graph 5 hits, 0 misses (nothing changed); syntax 5 hits, 0 misses");
  });

  it("a file edited without changing its imports: only it is re-cruised", async () => {
    await primed();
    project.write("src/db/users.ts", `${project.read("src/db/users.ts")}export const count = 1;\n`);
    const { cached, cold, cacheLine } = await cachedAndCold();
    expect(cached).toBe(cold);
    expect(cacheLine).toBe("cache: graph 4 hits, 1 misses (re-cruised src/db/users.ts); syntax 4 hits, 1 misses");
  });

  it("a file edited adding a forbidden import", async () => {
    await primed();
    project.write(
      "src/http/route.ts",
      `import { saveUser } from "../db/users.js";\n${project.read("src/http/route.ts")}export const save = saveUser;\n`,
    );
    const { cached, cold, cacheLine } = await cachedAndCold();
    expect(cached).toBe(cold);
    expect(violationsOf(cached)).toEqual(["src/http/route.ts -> src/db/users.ts"]);
    expect(cacheLine).toBe("cache: graph 4 hits, 1 misses (re-cruised src/http/route.ts); syntax 4 hits, 1 misses");
  });

  it("a file edited closing an import cycle, then opening it again: the cycle found, then gone, without a cold run", async () => {
    await primed();
    const original = project.read("src/domain/users.ts");
    project.write(
      "src/domain/users.ts",
      `import { saveUser } from "../db/users.js";\n${original}export const save = saveUser;\n`,
    );
    const closed = await cachedAndCold();
    expect(closed.cached).toBe(closed.cold);
    expect(
      (JSON.parse(closed.cached) as { violations: { kind: string; cycle?: string[] }[] }).violations
        .filter((violation) => violation.kind === "cycle")
        .map((violation) => violation.cycle),
    ).toEqual([["src/db/users.ts", "src/domain/users.ts", "src/db/users.ts"]]);
    expect(closed.cacheLine).toBe(
      "cache: graph 4 hits, 1 misses (re-cruised src/domain/users.ts); syntax 4 hits, 1 misses",
    );
    project.write("src/domain/users.ts", original);
    const opened = await cachedAndCold();
    expect(opened.cached).toBe(opened.cold);
    expect(violationsOf(opened.cached)).toEqual([]);
    expect(opened.cacheLine).toBe(
      "cache: graph 4 hits, 1 misses (re-cruised src/domain/users.ts); syntax 4 hits, 1 misses",
    );
  });

  it("a file added that an import now resolves to first", async () => {
    await primed();
    project.write("src/http/extra.ts", `import { saveUser } from "../db/users.js";\nexport const extra = saveUser;\n`);
    const { cached, cold, cacheLine } = await cachedAndCold();
    expect(cached).toBe(cold);
    expect(violationsOf(cached)).toEqual(["src/http/extra.ts -> src/db/users.ts"]);
    // A checked file added is cruised alone, like a file edited.
    expect(cacheLine).toBe("cache: graph 5 hits, 1 misses (re-cruised src/http/extra.ts); syntax 5 hits, 1 misses");
  });

  it("a file removed: its importer no longer resolves it", async () => {
    await primed();
    rmSync(join(project.dir, "src/domain/users.ts"));
    const { cached, cold } = await cachedAndCold();
    expect(cached).toBe(cold);
    expect(JSON.parse(cached).summary.unresolved).toBe(2);
  });

  it("a file renamed", async () => {
    await primed();
    renameSync(join(project.dir, "src/domain/users.ts"), join(project.dir, "src/domain/people.ts"));
    const { cached, cold } = await cachedAndCold();
    expect(cached).toBe(cold);
    expect(JSON.parse(cached).summary.unresolved).toBe(2);
  });

  it("tsconfig changed: the paths alias points at another layer", async () => {
    await primed();
    project.write("tsconfig.json", project.read("tsconfig.json").replace("src/domain/*", "src/db/*"));
    const { cached, cold } = await cachedAndCold();
    expect(cached).toBe(cold);
    expect(violationsOf(cached)).toEqual(["src/http/route.ts -> src/db/users.ts"]);
  });

  it("package.json changed: its imports field points at another layer", async () => {
    await primed();
    project.write("package.json", project.read("package.json").replace("./src/domain/clock.ts", "./src/db/clock.ts"));
    const { cached, cold } = await cachedAndCold();
    expect(cached).toBe(cold);
    expect(violationsOf(cached)).toEqual(["src/http/route.ts -> src/db/clock.ts"]);
  });

  it("the map changed: the same import is now forbidden", async () => {
    await primed();
    project.write(
      "layers.yaml",
      project.read("layers.yaml").replace("    mayImport: [domain]\n  domain:", "    mayImport: []\n  domain:"),
    );
    const { cached, cold } = await cachedAndCold();
    expect(cached).toBe(cold);
    expect(violationsOf(cached)).toEqual([
      "src/http/route.ts -> src/domain/clock.ts",
      "src/http/route.ts -> src/domain/users.ts",
    ]);
  });

  it("a corrupt cache file is discarded with a warning, never a crash", async () => {
    await primed();
    for (const file of readdirSync(cacheDir())) writeFileSync(join(cacheDir(), file), "{ not what was written");
    const { cached, cold, stderr } = await cachedAndCold();
    expect(cached).toBe(cold);
    expect(stderr).toMatch(
      /^layerlint: warning: the cache file .*check-[\w-]+\.graph\.json is discarded: its checksum does not match its content$/m,
    );
    expect(stderr).toMatch(
      /^layerlint: warning: the cache file .*check-[\w-]+\.syntax\.json is discarded: its checksum does not match its content$/m,
    );
    expect((await project.run("check", "--format", "json")).stderr).toBe("");
  });

  it("--cache-dir puts the cache elsewhere; --no-cache writes none", async () => {
    await project.run("check", "--no-cache");
    expect(() => readdirSync(cacheDir())).toThrow();
    const elsewhere = join(project.dir, "my-cache");
    await project.run("check", "--cache-dir", "my-cache");
    expect((await project.run("check", "--cache-dir", "my-cache", "--timings")).stderr).toContain(
      "cache: graph 5 hits, 0 misses (nothing changed); syntax 5 hits, 0 misses",
    );
    const unwritable = await project.run("check", "--format", "json", "--cache-dir", "package.json/cache");
    expect(unwritable.stdout).toBe((await project.run("check", "--format", "json", "--no-cache")).stdout);
    expect(unwritable.stderr).toBe(
      `layerlint: warning: cannot write the cache in ${join(project.dir, "package.json", "cache")} (ENOTDIR); the check itself is unaffected\n`,
    );
    // The stats file is written only for files over 3 s old, which these are only on a slow machine.
    expect(
      readdirSync(elsewhere)
        .filter((name) => !name.endsWith(".stats.json"))
        .sort(),
    ).toEqual([
      expect.stringMatching(/^check-[\w-]+\.cycles\.json$/),
      expect.stringMatching(/^check-[\w-]+\.graph\.json$/),
      expect.stringMatching(/^check-[\w-]+\.syntax\.json$/),
    ]);
  });
});
