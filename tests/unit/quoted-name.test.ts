import { describe, expect, it } from "vitest";
import type { CliEnvironment } from "../../src/cli/cli-environment.js";
import { runCli } from "../../src/cli/run-cli.js";
import { formatKeyPath } from "../../src/domain/map/map-issue.js";
import { listed, quoted } from "../../src/domain/quoted-name.js";
import { createProject, removeProject } from "../hostile/temporary-project.js";

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
    const err: string[] = [];
    const environment: CliEnvironment = {
      argv: ["check", "--no-cache"],
      cwd: root,
      env: {},
      stdout: { write: () => true },
      stderr: { write: (text: string) => err.push(text) },
      ports: { syntax: { check: () => Promise.resolve([]) } },
    };
    try {
      expect(await runCli(environment)).toBe(2);
    } finally {
      removeProject(root);
    }
    expect(err.join("").split("\n")).toEqual([
      "layerlint: the layer map has 2 problems [LL-CONFIG]",
      `layers.yaml:3:3 (layers["a\\nb"]): layer name "a\\nb" is not allowed: start with a letter, then letters, digits, '-' or '_'`,
      'layers.yaml:4:39 (layers.c.mayImport[0]): unknown layer "x\\ny" in mayImport of "c"; did you mean "a\\nb"? (layers: "a\\nb", c)',
      "",
    ]);
  });
});
