import * as fsPromises from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { createNodeFileSystem, type FileSystemCalls } from "../../src/adapters/file-system/node-file-system.js";
import { runCli } from "../../src/cli/run-cli.js";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { createProject, removeProject, type ProjectFiles } from "./temporary-project.js";

/**
 * The same tree written in two different orders gives byte-identical reports. ext4 lists a folder in hash
 * order whatever the creation order, so a second test also reverses every folder listing the adapter sees.
 */

const MAP = [
  "version: 1",
  "options: { unassigned: warn }",
  "layers:",
  "  http: { paths: [src/http/**], mayImport: [app] }",
  "  app: { paths: [src/app/**], mayImport: [domain] }",
  "  domain: { paths: [src/domain/**], packages: [] }",
  "",
].join("\n");

const FILES: ProjectFiles = {
  "layers.yaml": MAP,
  "src/http/B.ts": 'import { a } from "../app/a.js";\nimport { d } from "../domain/10.js";\nimport "express";\nexport const b = [a, d];\n',
  "src/http/a.ts": 'import "../domain/9.js";\nimport "../domain/_x.js";\n',
  "src/http/ä.ts": 'import "../domain/ä.js";\nimport "./missing.js";\n',
  "src/app/a.ts": 'import { d } from "../domain/9.js";\nexport const a = d;\n',
  "src/domain/9.ts": 'import "node:fs";\nexport const d = 9;\n',
  "src/domain/10.ts": 'import "lodash";\nimport "../http/B.js";\nexport const d = 10;\n',
  "src/domain/_x.ts": "export const = ;\n",
  "src/domain/ä.ts": 'import "../app/a.js";\n',
  "src/loose/Z.ts": 'import "../http/a.js";\n',
  "src/loose/z.ts": "export {};\n",
};

const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));

function reportsOf(order: readonly string[]) {
  const root = createProject(FILES, order);
  projects.push(root);
  return runBuiltCli(["check", "--format", "json"], root);
}

describe("determinism", () => {
  it("two creation orders: byte-identical JSON, and the report is not trivially empty", () => {
    const paths = Object.keys(FILES);
    const forward = reportsOf(paths);
    const backward = reportsOf([...paths].reverse());
    expect(forward.status).toBe(1);
    expect(forward.stderr).toBe("");
    const report = JSON.parse(forward.stdout);
    expect(report.summary).toMatchObject({ modules: 10, parseErrors: 1, unresolved: 3 });
    expect(report.violations.length).toBeGreaterThan(5);
    expect(backward.stdout).toBe(forward.stdout);
  });
});

describe("determinism whatever order the file system lists folders in", () => {
  it("every listing reversed: the same JSON bytes, in-process", async () => {
    const root = createProject(FILES);
    projects.push(root);
    const reversed = (async (...args: Parameters<typeof fsPromises.readdir>) => [...(await fsPromises.readdir(...args))].reverse()) as FileSystemCalls["readdir"];
    const run = async (calls: FileSystemCalls) => {
      const out: string[] = [];
      const status = await runCli({
        argv: ["check", "--format", "json"],
        cwd: root,
        env: {},
        stdout: { write: (text: string) => out.push(text) },
        stderr: { write: () => undefined },
        ports: { fileSystem: createNodeFileSystem(calls), syntax: { check: () => Promise.resolve([]) } },
      });
      return { status, stdout: out.join("") };
    };
    const normal = await run(fsPromises);
    expect(normal.status).toBe(1);
    expect((await run({ ...fsPromises, readdir: reversed })).stdout).toBe(normal.stdout);
  });
});
