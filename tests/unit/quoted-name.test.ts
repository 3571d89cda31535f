import { describe, expect, it } from "vitest";
import { formatKeyPath } from "../../src/domain/map/map-issue.js";
import { listed, quoted } from "../../src/domain/quoted-name.js";
import { createProject, removeProject } from "../hostile/temporary-project.js";
import { runInProcess } from "../helpers/run-in-process.js";

describe("names from a file in messages", () => {
  it("are quoted with newlines, quotes and control characters escaped", () => {
    expect(quoted("domain")).toBe('"domain"');
    expect(quoted('a\nb"c\\d\u0007')).toBe('"a\\nb\\"c\\\\d\\u0007"');
  });

  it("in lists and key paths, plain names stay as they are and others are quoted", () => {
    expect(["domain", "src/a/**", "@aws-sdk/*", "node:fs", "a\nb", "two words"].map(listed)).toEqual([
      "domain",
      "src/a/**",
      "@aws-sdk/*",
      "node:fs",
      '"a\\nb"',
      '"two words"',
    ]);
    expect(formatKeyPath(["layers", "domain", "mayImport", 0])).toBe("layers.domain.mayImport[0]");
    expect(formatKeyPath(["layers", "a\nb", "paths"])).toBe('layers["a\\nb"].paths');
  });

  it("a layer name holding a newline never splits the one-line problems of the map", async () => {
    const root = createProject({
      "src/a/a.ts": "export const a = 1;\n",
      "layers.yaml":
        'version: 1\nlayers:\n  "a\\nb": { paths: [src/a/**] }\n  c: { paths: [src/c/**], mayImport: ["x\\ny"] }\n',
    });
    let err: string;
    try {
      const run = await runInProcess(["check", "--no-cache"], root);
      expect(run.status).toBe(2);
      err = run.stderr;
    } finally {
      removeProject(root);
    }
    expect(err.split("\n")).toEqual([
      "layerlint: the layer map has 2 problems [LL-CONFIG]",
      `layers.yaml:3:3 (layers["a\\nb"]): layer name "a\\nb" is not allowed: start with a letter, then letters, digits, '-' or '_'`,
      'layers.yaml:4:39 (layers.c.mayImport[0]): unknown layer "x\\ny" in mayImport of "c"; did you mean "a\\nb"? (layers: "a\\nb", c)',
      "",
    ]);
  });

  describe("a name typed on the command line or read from the map stays on one line in every command's messages", () => {
    const MAP = [
      "version: 1",
      "layers:",
      '  a: { paths: ["src/a/**", "src/new\\nline/**"] }',
      '  b: { paths: [src/b/**], mayImport: [a], packages: ["left pad"] }',
      "",
    ].join("\n");

    async function run(argv: string[]): Promise<{ code: number | null; out: string; err: string }> {
      const root = createProject({
        "src/a/a.ts": "export const a = 1;\n",
        "src/b/b.ts": 'import { a } from "../a/a.js";\nexport const b = a;\n',
        "layers.yaml": MAP,
      });
      try {
        const { status, stdout, stderr } = await runInProcess(argv, root);
        return { code: status, out: stdout, err: stderr };
      } finally {
        removeProject(root);
      }
    }

    it("explain A B: an unknown layer", async () => {
      expect(await run(["explain", "a\nb", "b"])).toEqual({
        code: 2,
        out: "",
        err: 'layerlint: unknown layer "a\\nb"; did you mean "a"? (layers: a, b) [LL-USAGE]\n',
      });
    });

    it("explain --violation: an unknown id", async () => {
      const { code, err } = await run(["explain", "--violation", "no\nsuch id"]);
      expect(code).toBe(2);
      expect(err).toMatch(/^layerlint: no violation with id "no\\nsuch id" \(this check finds no violation; .*\n$/);
    });

    it("graph --focus: a glob matching nothing", async () => {
      expect(await run(["graph", "--level", "module", "--focus", "src/x\ny/**"])).toEqual({
        code: 2,
        out: "",
        err: 'layerlint: --focus "src/x\\ny/**" matches no checked module [LL-USAGE]\n',
      });
    });

    it("init --preset: an unknown preset", async () => {
      const { code, err } = await run(["init", "--force", "--preset", "hex\nagonal"]);
      expect(code).toBe(2);
      expect(err).toMatch(/^layerlint: unknown preset "hex\\nagonal"; did you mean "hexagonal"\? \(init knows .*\n$/);
    });

    it("doctor: a glob of the map matching nothing, a package pattern with a space", async () => {
      const { out } = await run(["doctor"]);
      expect(out.split("\n").filter((line) => line.includes("new") || line.includes("left pad"))).toEqual([
        'warning layers.yaml:3:28  glob "src/new\\nline/**" of layer a matches no checked file [glob-matches-nothing]',
        'info    layers.yaml:4:54  b may use "left pad", but no file of b imports it [unused-package]',
        '        → remove "left pad" from layers.b.packages unless b is meant to use it',
      ]);
    });
    describe("explain quotes a context's name, never the sentence around it", () => {
      const FILES = {
        "layers.yaml": [
          "version: 1",
          "contexts:",
          '  pattern: "src/modules/<context>/**"',
          '  shared: ["src/shared/**"]',
          "  allow:",
          '    - { from: billing, to: "new\\nline" }',
          "layers:",
          "  core: { paths: [src/modules/<context>/**, src/shared/**] }",
          "",
        ].join("\n"),
        "src/modules/billing/pay.ts": 'import { x } from "../new\\nline/x.js";\nexport const pay = x;\n',
        "src/modules/new\nline/x.ts":
          'import { pay } from "../billing/pay.js";\nexport const x = 1;\nexport const y = pay;\n',
        "src/shared/money.ts": "export const money = 1;\n",
      };

      async function explain(argv: string[]): Promise<string[]> {
        const root = createProject(FILES);
        try {
          return (await runInProcess(["explain", ...argv], root)).stdout.split("\n");
        } finally {
          removeProject(root);
        }
      }

      it("explain FILE: the context line of a plain and of an odd context, and the context rule's words", async () => {
        const billing = await explain(["src/modules/billing/pay.ts"]);
        expect(billing[1]).toBe('  context: billing: may import billing itself, the shared kernel, "new\\nline"');
        const odd = await explain(["src/modules/new\nline/x.ts"]);
        expect(odd.filter((line) => line.includes("new\\nline"))).toEqual([
          '  context: "new\\nline": may import "new\\nline" itself, the shared kernel',
          '         contexts-may-not-import-each-other: context "new\\nline" may import only itself, the shared kernel and what contexts.allow lists; billing is none of them',
        ]);
        expect((await explain(["src/shared/money.ts"]))[1]).toBe(
          "  context: none: in the shared kernel, which every context may import and which may import no context",
        );
      });
    });
  });
});
