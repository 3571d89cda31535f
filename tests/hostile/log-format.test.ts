import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createNodeFileSystem, type FileSystemCalls } from "../../src/adapters/file-system/node-file-system.js";
import type { CheckPorts } from "../../src/application/ports.js";
import { runCli } from "../../src/cli/run-cli.js";
import { createProject, removeProject, TWO_LAYERS_SOURCES } from "./temporary-project.js";

/** `--log-format json`: every error is one line of JSON on stderr, with the same code and exit code as the text. */

const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));

async function run(argv: string[], map: string, ports: Partial<CheckPorts> = {}) {
  const root = createProject({ ...TWO_LAYERS_SOURCES, "layers.yaml": map });
  projects.push(root);
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli({
    argv,
    cwd: root,
    env: {},
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    ports: { syntax: { check: () => Promise.resolve([]) }, ...ports },
  });
  return { status, stdout: out.join(""), stderr: err.join(""), root };
}

const lines = (stderr: string) =>
  stderr
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as unknown);

describe("--log-format json", () => {
  it("a configuration error: one line, every issue with file, line, column and key", async () => {
    const result = await run(["--log-format", "json", "check"], "version: 2\nlayers:\n  a: {paths: src/a/**}\n");
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(lines(result.stderr)).toEqual([
      {
        level: "error",
        code: "LL-CONFIG",
        category: "configuration",
        exitCode: 2,
        message:
          'layers.yaml:1:10 (version): version must be 1 (the only layer map version)\nlayers.yaml:3:14 (layers.a.paths): expected a list (`[src, lib]`, or one "- item" per line), got a string',
        issues: [
          {
            file: "layers.yaml",
            line: 1,
            column: 10,
            key: "version",
            message: "version must be 1 (the only layer map version)",
          },
          {
            file: "layers.yaml",
            line: 3,
            column: 14,
            key: "layers.a.paths",
            message: 'expected a list (`[src, lib]`, or one "- item" per line), got a string',
          },
        ],
      },
    ]);
  });

  it("an argument error: a usage line instead of commander's text, exit 2", async () => {
    const result = await run(["check", "--bogus", "--log-format=json"], "version: 1\n");
    expect(result).toMatchObject({ status: 2, stdout: "" });
    expect(lines(result.stderr)).toEqual([
      { level: "error", code: "LL-USAGE", category: "usage", exitCode: 2, message: "unknown option '--bogus'" },
    ]);
  });

  it("a file system failure: exit 3; with --debug the cause's stack is a field, never loose lines", async () => {
    const open = (() =>
      Promise.reject(Object.assign(new Error("EACCES"), { code: "EACCES" }))) as FileSystemCalls["open"];
    const failing = createNodeFileSystem({ ...(await import("node:fs/promises")), open });
    const result = await run(["--debug", "--log-format", "json", "check"], "version: 1\n", { fileSystem: failing });
    expect(result.status).toBe(3);
    const [line] = lines(result.stderr) as { code: string; exitCode: number; message: string; stack: string }[];
    expect(lines(result.stderr)).toHaveLength(1);
    expect(line).toMatchObject({
      code: "LL-FILE-SYSTEM",
      exitCode: 3,
      message: `cannot read ${join(result.root, "layers.yaml")}: permission denied (EACCES)`,
    });
    expect(line?.stack).toMatch(/^Error: EACCES\n\s+at /);
  });

  it("an internal error: LL-INTERNAL, exit 3", async () => {
    const broken = { extractor: { extract: () => Promise.reject(new TypeError("cannot read x of undefined")) } };
    const result = await run(
      ["--log-format", "json", "check"],
      "version: 1\nlayers:\n  a: {paths: [src/**]}\n",
      broken,
    );
    expect(result.status).toBe(3);
    expect(lines(result.stderr)).toEqual([
      {
        level: "error",
        code: "LL-INTERNAL",
        category: "internal",
        exitCode: 3,
        message: "internal error: cannot read x of undefined",
      },
    ]);
  });

  it("text stays the default", async () => {
    const result = await run(["check"], "version: 2\nlayers:\n  a: {paths: [src/a/**]}\n");
    expect(result.stderr).toBe(
      "layerlint: the layer map has a problem [LL-CONFIG]\nlayers.yaml:1:10 (version): version must be 1 (the only layer map version)\n",
    );
  });
});
