import { afterAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import type { CheckPorts } from "../../src/application/ports.js";
import { runCli } from "../../src/cli/run-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import {
  createProject,
  removeProject,
  STACK_FRAME,
  TWO_LAYERS_MAP,
  TWO_LAYERS_SOURCES,
  type ProjectFiles,
} from "./temporary-project.js";

/** tsconfig files that are missing, malformed, chained, cyclic or pointing outside the project: the CLI in-process with the real adapters. */

const noSyntaxProblems: Partial<CheckPorts> = { syntax: { check: () => Promise.resolve([]) } };
const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));

/** The project sits in `project/` of a temporary folder, so `../outside` stays inside that folder. */
function createNested(files: ProjectFiles, map: string): string {
  const nested = Object.fromEntries(
    Object.entries({ ...TWO_LAYERS_SOURCES, "layers.yaml": map, ...files }).map(([path, text]) => [
      `project/${path}`.replace("project/../", ""),
      text,
    ]),
  );
  const folder = createProject(nested);
  projects.push(folder);
  return join(folder, "project");
}

async function check(files: ProjectFiles, map = TWO_LAYERS_MAP) {
  const root = createNested(files, map);
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli({
    argv: ["check", "--format", "json"],
    cwd: root,
    env: {},
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    ports: noSyntaxProblems,
  });
  return { status, stdout: out.join(""), stderr: err.join("").replaceAll(root, "<root>") };
}

describe("tsconfig", () => {
  it("named in the map but missing: exit 2 at the key", async () => {
    const run = await check({}, `${TWO_LAYERS_MAP}tsconfig: tsconfig.base.json\n`);
    expect(run).toEqual({
      status: 2,
      stdout: "",
      stderr:
        'layerlint: the layer map has a problem [LL-CONFIG]\nlayers.yaml:5:11 (tsconfig): tsconfig "tsconfig.base.json" does not exist\n',
    });
  });

  it("malformed JSON: exit 2 with TypeScript's own position, the path from the project's folder", async () => {
    const run = await runInProcess(
      ["check"],
      createNested({ "tsconfig.json": '{ "compilerOptions": { "strict": true,, }\n' }, TWO_LAYERS_MAP),
    );
    expect(run).toEqual({
      status: 2,
      stdout: "",
      stderr:
        "layerlint: the tsconfig has a problem [LL-TSCONFIG]\ntsconfig.json:1:39: TS1136: Property assignment expected.\n",
    });
  });

  it("an extends chain three files long: the alias defined at its end resolves", async () => {
    const run = await check({
      "tsconfig.json": '{ "extends": "./config/middle.json" }',
      "config/middle.json": '{ "extends": "./base.json" }',
      "config/base.json": '{ "compilerOptions": { "baseUrl": "..", "paths": { "@a/*": ["src/a/*"] } } }',
      "src/b/b.ts": 'import { a } from "@a/a";\nexport const b = a;\n',
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).summary).toMatchObject({ dependencies: 1, unresolved: 0 });
  });

  it("an extends cycle: exit 2 naming the circle", async () => {
    const run = await check({
      "tsconfig.json": '{ "extends": "./b.json" }',
      "b.json": '{ "extends": "./tsconfig.json" }',
    });
    expect(run).toEqual({
      status: 2,
      stdout: "",
      stderr:
        "layerlint: the tsconfig has a problem [LL-TSCONFIG]\ntsconfig.json: tsconfig cannot be read: error TS18000: Circularity detected while resolving configuration: <root>/tsconfig.json -> <root>/b.json -> <root>/tsconfig.json\n",
    });
  });

  it("extends a package that is not installed: exit 2", async () => {
    const run = await check({ "tsconfig.json": '{ "extends": "@acme/tsconfig/base.json" }' });
    expect(run).toEqual({
      status: 2,
      stdout: "",
      stderr:
        "layerlint: the tsconfig has a problem [LL-TSCONFIG]\ntsconfig.json: tsconfig cannot be read: error TS6053: File '@acme/tsconfig/base.json' not found.\n",
    });
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it("paths pointing outside the project: the import is named in a warning, never checked or silently dropped", async () => {
    const run = await check({
      "tsconfig.json": '{ "compilerOptions": { "baseUrl": ".", "paths": { "@outside/*": ["../outside/*"] } } }',
      "../outside/secret.ts": "export const secret = 1;\n",
      "src/a/a.ts": 'import { secret } from "@outside/secret";\nexport const a = secret;\n',
    });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.summary.modules).toBe(2);
    expect(report.warnings).toEqual([
      {
        code: "import-outside-project",
        file: "src/a/a.ts",
        message:
          'src/a/a.ts imports "@outside/secret", which resolves to ../outside/secret.ts, outside the map\'s folder: not checked (move the map up to include it)',
      },
    ]);
  });
});
