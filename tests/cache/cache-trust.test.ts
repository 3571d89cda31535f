import { chmodSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { editCacheFile } from "../helpers/cache-files.js";
import { BASE_TSCONFIG, createCacheProject, type CacheProject } from "./cache-model.js";

let project: CacheProject;
beforeEach(() => {
  project = createCacheProject();
  // The model's start, with one import per file: each test adds the import it is about.
  project.write(
    "project/src/http/route.ts",
    `import { users } from "../domain/users.js";\nexport const route = users;\n`,
  );
  project.write("project/src/db/repo.ts", `import { users } from "../domain/users.js";\nexport const repo = users;\n`);
  project.remove("project/lib/real.ts");
});
afterEach(() => project.dispose());

const violationsOf = (json: string) =>
  (JSON.parse(json) as { violations: { kind: string; from: string; to: string }[] }).violations.map(
    (violation) => `${violation.kind} ${violation.from} -> ${violation.to}`,
  );
const warningsOf = (json: string) =>
  (JSON.parse(json) as { warnings: { code: string; message: string }[] }).warnings.map(
    (warning) => `${warning.code}: ${warning.message}`,
  );
const cacheLine = (stderr: string) => stderr.split("\n").find((line) => line.startsWith("cache: ")) ?? "";

async function expectSame(): Promise<{ report: string; stderr: string }> {
  const { cached, cold } = await project.compare("--timings");
  expect({ status: cached.status, report: cached.stdout }).toEqual({ status: cold.status, report: cold.stdout });
  return { report: cached.stdout, stderr: cached.stderr };
}

const editCache = (suffix: string, edit: (value: any) => unknown) => editCacheFile(project.root, suffix, edit);

describe("the cache answers what a cold run answers: the reported sequences", () => {
  it("a symlinked source file is added where an import was unresolved: the link resolves, the violation is found", async () => {
    project.write("project/src/http/route.ts", `import "../db/linked.js";\nexport const route = 1;\n`);
    const unresolved = 'unresolved-import: src/http/route.ts imports "../db/linked.js", which cannot be resolved';
    expect(warningsOf((await expectSame()).report)).toEqual([unresolved]);
    // Links are preserved (preserveSymlinks): the linked file is a module at the link's path, in the db layer.
    project.write("project/lib/real.ts", "export const real = 1;\n");
    project.link("project/src/db/linked.ts", "../../lib/real.ts");
    const { report, stderr } = await expectSame();
    expect(violationsOf(report)).toEqual(["layer src/http/route.ts -> src/db/linked.ts"]);
    // The link is a checked file of its own now, cruised alone, and the import that now resolves to it is cruised again.
    expect(cacheLine(stderr)).toContain("(re-cruised src/db/linked.ts, src/http/route.ts)");
    project.link("project/src/db/linked.ts", "missing.ts");
    const dangling = (await expectSame()).report;
    expect(violationsOf(dangling)).toEqual([]);
    expect(warningsOf(dangling)).toEqual([unresolved]);
  });

  it("a symlinked source file nothing imports is checked like any file, through the cache as cold", async () => {
    await expectSame();
    project.write("project/lib/real.ts", `import "../src/db/repo.js";\nexport const real = 1;\n`);
    project.write("outside/real.ts", `import "../src/db/repo.js";\nexport const real = 2;\n`);
    // Linked into http, the file's imports resolve from the link's folder (preserveSymlinks): http -> db is a violation.
    project.link("project/src/http/linked.ts", "../../lib/real.ts");
    expect(violationsOf((await expectSame()).report)).toEqual([]);
    project.write("project/lib/real.ts", `import "../db/repo.js";\nexport const real = 1;\n`);
    expect(violationsOf((await expectSame()).report)).toEqual(["layer src/http/linked.ts -> src/db/repo.ts"]);
    // Retargeted outside the map's folder: the same content is the same answer, read through the link.
    project.write("outside/real.ts", `import "../db/repo.js";\nexport const real = 1;\n`);
    project.link("project/src/http/linked.ts", "../../../outside/real.ts");
    expect(violationsOf((await expectSame()).report)).toEqual(["layer src/http/linked.ts -> src/db/repo.ts"]);
    // A link to a folder is not entered, a dangling link leads nowhere: neither is a checked file.
    project.link("project/src/http/linked.ts", "../../lib");
    expect(violationsOf((await expectSame()).report)).toEqual([]);
    project.link("project/src/http/linked.ts", "../../lib/real.ts");
    expect(violationsOf((await expectSame()).report)).toEqual(["layer src/http/linked.ts -> src/db/repo.ts"]);
    project.link("project/src/http/linked.ts", "missing.ts");
    const { report } = await expectSame();
    expect({ violations: violationsOf(report), modules: JSON.parse(report).summary.modules }).toEqual({
      violations: [],
      modules: 4,
    });
  });

  it("a tsconfig paths alias points outside the map's folder, and its target is created later", async () => {
    project.write("project/configs/base.json", BASE_TSCONFIG("../outside/*"));
    project.write("project/src/http/route.ts", `import "@lib/real";\nexport const route = 1;\n`);
    const before = (await expectSame()).report;
    project.write("outside/real.ts", "export const real = 1;\n");
    const after = (await expectSame()).report;
    expect(warningsOf(after)).toEqual([
      `import-outside-project: src/http/route.ts imports "@lib/real", which resolves to ../outside/real.ts, outside the map's folder: not checked (move the map up to include it)`,
    ]);
    expect(after).not.toBe(before);
  });

  it("tsconfig extends after a commented-out extends: editing the real base's paths changes the answer", async () => {
    project.write("project/configs/base.json", BASE_TSCONFIG("src/domain/*"));
    project.write("project/src/http/route.ts", `import "@lib/users";\nexport const route = 1;\n`);
    expect(violationsOf((await expectSame()).report)).toEqual([]);
    project.write("project/src/db/users.ts", "export const users = 2;\n");
    project.write("project/configs/base.json", BASE_TSCONFIG("src/db/*"));
    expect(violationsOf((await expectSame()).report)).toEqual(["layer src/http/route.ts -> src/db/users.ts"]);
  });

  it("an extends array: the key holds every file of the chain", async () => {
    project.write("project/tsconfig.json", `{ "extends": ["./configs/other.json", "./configs/base.json"] }\n`);
    project.write("project/configs/base.json", BASE_TSCONFIG("src/domain/*"));
    project.write("project/src/http/route.ts", `import "@lib/users";\nexport const route = 1;\n`);
    project.write("project/src/db/users.ts", "export const users = 2;\n");
    expect(violationsOf((await expectSame()).report)).toEqual([]);
    project.write("project/configs/base.json", BASE_TSCONFIG("src/db/*"));
    expect(violationsOf((await expectSame()).report)).toEqual(["layer src/http/route.ts -> src/db/users.ts"]);
  });
});

describe("the cache key looks only where the check looks", () => {
  it("files no import can resolve to (notes.txt, dist/x.js, a file outside the map's folder) leave every answer cached", async () => {
    await expectSame();
    project.write("project/notes.txt", "notes\n");
    project.write("project/dist/x.js", "export const x = 1;\n");
    project.write("outside/notes.txt", "notes\n");
    expect(cacheLine((await expectSame()).stderr)).toBe(
      "cache: graph 4 hits, 0 misses (nothing changed); syntax 4 hits, 0 misses",
    );
  });

  it("a new file where one import could resolve re-cruises only its importer", async () => {
    project.write("project/src/http/route.ts", `import "../../../outside/real.js";\nexport const route = 1;\n`);
    await expectSame();
    project.write("outside/real.ts", "export const real = 1;\n");
    expect(cacheLine((await expectSame()).stderr)).toMatch(/re-cruised src\/http\/route\.ts\)/);
  });

  it.skipIf(process.getuid?.() === 0)(
    "an unreadable folder outside include (pgdata/, mode 000) changes nothing: the same exit code as --no-cache",
    async () => {
      mkdirSync(join(project.root, "pgdata", "base"), { recursive: true });
      chmodSync(join(project.root, "pgdata"), 0o000);
      try {
        await expectSame();
        const { stderr } = await expectSame();
        expect(cacheLine(stderr)).toContain("(nothing changed)");
      } finally {
        chmodSync(join(project.root, "pgdata"), 0o700);
      }
    },
  );
});

describe("a cache entry is data to validate, never trusted blindly", () => {
  it("a cache file of another format (an older layerlint) is replaced silently: no warning, a cold run", async () => {
    await expectSame();
    editCache(".graph.json", ({ format: _format, ...value }) => ({ ...value, format: 2 }));
    const { stderr } = await expectSame();
    expect(stderr).not.toContain("warning");
    expect(cacheLine(stderr)).toContain("(cold: no cache yet)");
  });

  it("an entry that does not match its schema (brokenRules removed) is discarded with the corrupt-cache warning", async () => {
    project.write("project/src/http/route.ts", `import "../db/repo.js";\nexport const route = 1;\n`);
    await expectSame();
    editCache(".graph.json", (value) => {
      for (const module of value.graph.modules)
        for (const dependency of module.dependencies) delete dependency.brokenRules;
      return value;
    });
    const { report, stderr } = await expectSame();
    expect(violationsOf(report)).toEqual(["layer src/http/route.ts -> src/db/repo.ts"]);
    expect(stderr).toMatch(
      /^layerlint: warning: the cache file .*check-[\w-]+\.graph\.json is discarded: it does not have the expected shape$/m,
    );
    expect(cacheLine(stderr)).toContain("(cold: corrupt cache file)");
  });

  it("a __proto__ path in the cache's tables is a path like any other, never a crash", async () => {
    await expectSame();
    editCache(".graph.json", (value) => ({
      ...value,
      hashes: [...value.hashes, ["__proto__", "x"]],
      probes: [...value.probes, ["__proto__", "x"]],
    }));
    editCache(".syntax.json", (value) => ({
      ...value,
      files: [...value.files, ["__proto__", { hash: "x", problem: null }]],
    }));
    const { stderr } = await expectSame();
    expect(stderr).not.toContain("warning");
  });

  it("a table written as an object with a __proto__ key (another layout) is discarded with the warning", async () => {
    await expectSame();
    editCache(".graph.json", (value) =>
      JSON.parse(`{"format":${value.format},"key":"${value.key}","hashes":{"__proto__":"x"}}`),
    );
    const { stderr } = await expectSame();
    expect(stderr).toMatch(/check-[\w-]+\.graph\.json is discarded: it does not have the expected shape$/m);
  });
});

describe("the loops of the last cycle search", () => {
  const cycleIdsOf = (json: string) =>
    (JSON.parse(json) as { violations: { kind: string; id: string }[] }).violations
      .filter((violation) => violation.kind === "cycle")
      .map((violation) => violation.id);
  const loop = () => {
    project.write("project/src/domain/users.ts", `import "./clock.js";\nexport const users = 1;\n`);
    project.write("project/src/domain/clock.ts", `import "./users.js";\nexport const now = 0;\n`);
  };

  it("answer a check of the very same imports: the stored loop is reported as stored", async () => {
    loop();
    const [id] = cycleIdsOf((await expectSame()).report);
    expect(id).toMatch(/^cycle-[0-9a-f]{12}$/);
    editCache(".cycles.json", (value) => ({
      ...value,
      loops: value.loops.map(([, members]: [string, number[]]) => ["cycle-from-the-store", members]),
    }));
    const { stdout } = (await project.compare()).cached;
    expect(cycleIdsOf(stdout)).toEqual(["cycle-from-the-store"]);
  });

  it("are searched again once any import changed, and once they name a module the graph does not have", async () => {
    loop();
    await expectSame();
    editCache(".cycles.json", (value) => ({ ...value, loops: [["cycle-from-the-store", [0, 1]]] }));
    project.write(
      "project/src/domain/users.ts",
      `import "./clock.js";\nimport "./extra.js";\nexport const users = 1;\n`,
    );
    project.write("project/src/domain/extra.ts", `export const extra = 1;\n`);
    expect(cycleIdsOf((await expectSame()).report)).not.toContain("cycle-from-the-store");
    editCache(".cycles.json", (value) => ({ ...value, loops: [["cycle-from-the-store", [999]]] }));
    const { report, stderr } = await expectSame();
    expect(cycleIdsOf(report)).toHaveLength(1);
    expect(stderr).not.toContain("warning");
  });
});
