import * as fsPromises from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createNodeFileSystem, type FileSystemCalls } from "../../src/adapters/file-system/node-file-system.js";
import { typescriptSourceInspector } from "../../src/adapters/typescript/source-inspector.js";
import type { SyntaxChecker } from "../../src/application/ports.js";
import { runCli } from "../../src/cli/run-cli.js";
import { createProject, removeProject, type ProjectFiles } from "./temporary-project.js";

/**
 * The same tree gives byte-identical reports whatever order it was written in, and whatever order the
 * file system lists folders in (ext4 lists in hash order, so creation order alone proves little). The
 * CLI runs in-process with the real adapters; the syntax check runs in this thread instead of a worker.
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
  "src/http/B.ts":
    'import { a } from "../app/a.js";\nimport { d } from "../domain/10.js";\nimport "express";\nexport const b = [a, d];\n',
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

const syntaxInThisThread: SyntaxChecker = {
  async check(root, files) {
    const found = [];
    for (const file of files) {
      const [first] = typescriptSourceInspector.syntaxProblems(
        file,
        await fsPromises.readFile(join(root, file), "utf8"),
      );
      if (first) found.push({ file, ...first });
    }
    return found;
  },
};

async function jsonReport(root: string, calls: FileSystemCalls = fsPromises) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli({
    argv: ["check", "--format", "json"],
    cwd: root,
    env: {},
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    ports: { fileSystem: createNodeFileSystem(calls), syntax: syntaxInThisThread },
  });
  return { status, stdout: out.join(""), stderr: err.join("") };
}

function projectWrittenIn(order: readonly string[]): string {
  const root = createProject(FILES, order);
  projects.push(root);
  return root;
}

describe("determinism", () => {
  const paths = Object.keys(FILES);

  it("two creation orders: byte-identical JSON, and the report is not trivially empty", async () => {
    const forward = await jsonReport(projectWrittenIn(paths));
    expect(forward.status).toBe(1);
    expect(forward.stderr).toBe("");
    const report = JSON.parse(forward.stdout);
    expect(report.summary).toMatchObject({ modules: 10, parseErrors: 1, unresolved: 3 });
    expect(report.violations.length).toBeGreaterThan(5);
    expect((await jsonReport(projectWrittenIn([...paths].reverse()))).stdout).toBe(forward.stdout);
  });

  it("every folder listing reversed: the same JSON bytes", async () => {
    const root = projectWrittenIn(paths);
    const reversed = (async (...args: Parameters<typeof fsPromises.readdir>) =>
      [...(await fsPromises.readdir(...args))].reverse()) as FileSystemCalls["readdir"];
    const normal = await jsonReport(root);
    expect((await jsonReport(root, { ...fsPromises, readdir: reversed })).stdout).toBe(normal.stdout);
  });
});
