import * as fsPromises from "node:fs/promises";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createNodeFileSystem, type FileSystemCalls } from "../../src/adapters/file-system/node-file-system.js";
import type { CheckPorts } from "../../src/application/ports.js";
import type { CliEnvironment } from "../../src/cli/cli-environment.js";
import { runCli } from "../../src/cli/run-cli.js";
import { createProject, removeProject, STACK_FRAME, TWO_LAYERS_MAP, TWO_LAYERS_SOURCES } from "./temporary-project.js";

/**
 * Faults of the file system, proved through the real adapter with one failing call injected (tests run
 * as root, where chmod 000 changes nothing), and the CLI run in-process: exit 3, one paragraph, no stack.
 */

const noSyntaxProblems: Partial<CheckPorts> = { syntax: { check: () => Promise.resolve([]) } };
const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));

function project(): string {
  const root = createProject({
    ...TWO_LAYERS_SOURCES,
    "src/b/b.ts": 'import { a } from "../a/a.js";\nexport const b = a;\n',
    "layers.yaml": TWO_LAYERS_MAP.replace(", mayImport: [a]", ""),
  });
  projects.push(root);
  return root;
}

function errnoError(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed, '${path}'`), { code, path });
}

/** The real fs calls, except that `name` fails with `code` for paths ending in `suffix`. */
function failing(name: keyof FileSystemCalls, code: string, suffix: string): FileSystemCalls {
  const original = fsPromises[name] as (...args: unknown[]) => Promise<unknown>;
  const call = (path: unknown, ...rest: unknown[]) =>
    String(path).endsWith(suffix) ? Promise.reject(errnoError(code, String(path))) : original(path, ...rest);
  return { ...fsPromises, [name]: call };
}

async function runIn(root: string, argv: string[], overrides: Partial<CheckPorts>) {
  const out: string[] = [];
  const err: string[] = [];
  const environment: CliEnvironment = {
    argv,
    cwd: root,
    env: {},
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    ports: { ...noSyntaxProblems, ...overrides },
  };
  const status = await runCli(environment);
  return { status, stdout: out.join(""), stderr: err.join("") };
}

describe("unreadable files (EACCES)", () => {
  it("the layer map: exit 3, the path and the reason", async () => {
    const root = project();
    const run = await runIn(root, ["check"], {
      fileSystem: createNodeFileSystem(failing("open", "EACCES", "layers.yaml")),
    });
    expect(run).toEqual({
      status: 3,
      stdout: "",
      stderr: `layerlint: cannot read ${join(root, "layers.yaml")}: permission denied (EACCES) [LL-FILE-SYSTEM]\n`,
    });
  });

  it("a folder under include: exit 3, never a partial report that silently skips it", async () => {
    const root = project();
    const run = await runIn(root, ["check"], {
      fileSystem: createNodeFileSystem(failing("readdir", "EACCES", "/src/b")),
    });
    expect(run).toEqual({
      status: 3,
      stdout: "",
      stderr: `layerlint: cannot list the folder ${join(root, "src/b")}: permission denied (EACCES) [LL-FILE-SYSTEM]\n`,
    });
  });

  it("a source file read to locate a violation: exit 3", async () => {
    const root = project();
    const run = await runIn(root, ["check"], {
      fileSystem: createNodeFileSystem(failing("open", "EACCES", "b.ts")),
    });
    expect(run.status).toBe(3);
    expect(run.stderr).toBe(
      `layerlint: cannot read ${join(root, "src/b/b.ts")}: permission denied (EACCES) [LL-FILE-SYSTEM]\n`,
    );
  });

  it("a stat that fails for another reason than absence is not mistaken for a missing file", async () => {
    const root = project();
    const run = await runIn(root, ["check"], { fileSystem: createNodeFileSystem(failing("stat", "EACCES", "/src")) });
    expect(run).toEqual({
      status: 3,
      stdout: "",
      stderr: `layerlint: cannot inspect ${join(root, "src")}: permission denied (EACCES) [LL-FILE-SYSTEM]\n`,
    });
  });

  it("--debug adds the underlying error's stack; without it there is none", async () => {
    const root = project();
    const fileSystem = createNodeFileSystem(failing("open", "EACCES", "layers.yaml"));
    expect((await runIn(root, ["check"], { fileSystem })).stderr).not.toMatch(STACK_FRAME);
    expect((await runIn(root, ["--debug", "check"], { fileSystem })).stderr).toMatch(STACK_FRAME);
  });
});

describe("a file deleted during the run", () => {
  it("between listing and reading: exit 3 naming the file and saying to run again", async () => {
    const root = project();
    const real = createNodeFileSystem();
    const fileSystem = {
      ...real,
      listFiles: async (listRoot: string, entries: readonly string[]) => {
        const listed = await real.listFiles(listRoot, entries);
        rmSync(join(root, "src/a/a.ts"));
        return listed;
      },
    };
    const run = await runIn(root, ["check"], { fileSystem });
    expect(run.status).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `layerlint: ${join(root, "src/a/a.ts")} disappeared during the run (deleted or moved while dependency-cruiser read the tree): run layerlint again [LL-FILE-SYSTEM]\n`,
    );
  });
});

describe("a write that fails", () => {
  it("exit 3, the previous report intact, no temporary file left", async () => {
    const root = project();
    writeFileSync(join(root, "report.json"), "previous\n");
    const diskFills = async (path: unknown, text: unknown) => {
      await fsPromises.writeFile(String(path), String(text).slice(0, 100));
      throw errnoError("ENOSPC", String(path));
    };
    const fileSystem = createNodeFileSystem({ ...fsPromises, writeFile: diskFills });
    const run = await runIn(root, ["check", "--format", "json", "-o", "report.json"], { fileSystem });
    expect(run).toEqual({
      status: 3,
      stdout: "",
      stderr: `layerlint: cannot write ${join(root, "report.json")}: the disk is full (ENOSPC) [LL-FILE-SYSTEM]\n`,
    });
    expect(readFileSync(join(root, "report.json"), "utf8")).toBe("previous\n");
    expect(readdirSync(root).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    expect(existsSync(join(root, "layers.yaml"))).toBe(true);
  });
});
