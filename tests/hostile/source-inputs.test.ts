import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkReportSchema } from "../../src/domain/report/report-schema.js";
import type { CliRun } from "../helpers/run-built-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { createProject, removeProject, STACK_FRAME } from "./temporary-project.js";

/** Hostile source files in one generated project, checked end to end by the CLI in this process (real adapters). */

const MAP = [
  "version: 1",
  "layers:",
  "  a: { paths: [src/a/**] }",
  "  b: { paths: [src/b/**], mayImport: [a] }",
  '  literal: { paths: ["src/(a|b)+/**"] }',
  "",
].join("\n");

const binary = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 37) % 256));
const FIFTY_MB = 50 * 1024 * 1024;

let root: string;
let run: CliRun;

beforeAll(async () => {
  root = createProject({
    "layers.yaml": MAP,
    "src/a/a.ts": "export const a = 1;\n",
    "src/b/b.ts": 'import { a } from "../a/a.js";\nexport const b = a;\n',
    "src/a/binary.ts": binary,
    "src/a/latin1.ts": Buffer.concat([
      Buffer.from('export const name = "caf'),
      Buffer.from([0xe9]),
      Buffer.from('";\nimport { b } from "../b/b.js";\nexport const c = b;\n'),
    ]),
    "src/a/empty.ts": "",
    "src/a/long-line.ts": `export const long = "${"x".repeat(1024 * 1024)}"; import "../b/b.js";\n`,
    "src/a/broken.ts": 'export const = ;\nimport "../b/b.js";\n',
    "src/a/generated.ts": Buffer.alloc(FIFTY_MB, 'import "../b/b.js";\n'),
    "src/(a|b)+/c.ts": "export const c = 1;\n",
    "src/ab/d.ts": "export const d = 1;\n",
  });
  symlinkSync("..", join(root, "src/a/loop"));
  symlinkSync(".", join(root, "src/b/self"));
  symlinkSync("missing.ts", join(root, "src/b/dangling.ts"));
  run = await runInProcess(["check", "--format", "json"], root);
});
afterAll(() => removeProject(root));

describe("hostile sources, one run", () => {
  it("finishes with the violations (exit 1), nothing on stderr, a schema-valid report", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(checkReportSchema.safeParse(JSON.parse(run.stdout)).success).toBe(true);
  });

  it("counts every file once: links to folders (loops) are not followed, a dangling link is skipped, the 50 MB file too", () => {
    expect(JSON.parse(run.stdout).summary).toEqual({
      modules: 9,
      dependencies: 4,
      unresolved: 0,
      excluded: 0,
      parseErrors: 2,
      skipped: 1,
      violations: { layer: 3, package: 0, private: 0, context: 0, unassigned: 1, cycle: 0, size: 0 },
    });
  });

  it("names the skipped file, the parse errors (binary and broken) and the rest", () => {
    expect(JSON.parse(run.stdout).warnings).toEqual([
      {
        code: "file-too-large",
        file: "src/a/generated.ts",
        message:
          "src/a/generated.ts is 50.0 MiB, over the 2 MiB limit for a source file: skipped, its imports are not checked (generated? add it to exclude)",
      },
      {
        code: "parse-error",
        file: "src/a/binary.ts",
        message: "src/a/binary.ts:1:1: Invalid character; its imports may be incomplete",
      },
      {
        code: "parse-error",
        file: "src/a/broken.ts",
        message: "src/a/broken.ts:1:14: Variable declaration expected; its imports may be incomplete",
      },
    ]);
  });

  it("still checks the files around them: non-UTF-8 text, a 1 MiB line and a syntax error each report their import", () => {
    const violations = JSON.parse(run.stdout).violations as {
      kind: string;
      from: string;
      line: number | null;
      column: number | null;
    }[];
    expect(violations.map(({ kind, from, line, column }) => [kind, from, line, column])).toEqual([
      ["layer", "src/a/broken.ts", 2, 1],
      ["layer", "src/a/latin1.ts", 2, 1],
      ["layer", "src/a/long-line.ts", 1, 1024 * 1024 + 25],
      ["unassigned", "src/ab/d.ts", null, null],
    ]);
  });

  it("regex metacharacters in a glob match only the literal folder: src/(a|b)+/ is claimed, src/ab/ is not", () => {
    const violations = JSON.parse(run.stdout).violations as { kind: string; from: string }[];
    expect(
      violations.filter((violation) => violation.kind === "unassigned").map((violation) => violation.from),
    ).toEqual(["src/ab/d.ts"]);
    expect(run.stdout).not.toMatch(STACK_FRAME);
  });
});
