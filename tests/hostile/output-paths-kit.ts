import { readdirSync } from "node:fs";
import { expect } from "vitest";
import type { CheckPorts } from "../../src/application/ports.js";
import type { CliEnvironment } from "../../src/cli/cli-environment.js";
import { runCli } from "../../src/cli/run-cli.js";
import { createProject, removeProject, TWO_LAYERS_MAP, TWO_LAYERS_SOURCES } from "./temporary-project.js";

/** Helpers of output-paths.test.ts and output-to-processes.test.ts: a one-violation project and the CLI in process. */

const noSyntaxProblems: Partial<CheckPorts> = { syntax: { check: () => Promise.resolve([]) } };
const projects: string[] = [];

export function removeProjects(): void {
  projects.splice(0).forEach(removeProject);
}

/** b imports a, which the map forbids: one violation, exit 1. */
export function project(): string {
  const root = createProject({ ...TWO_LAYERS_SOURCES, "layers.yaml": TWO_LAYERS_MAP.replace(", mayImport: [a]", "") });
  projects.push(root);
  return root;
}

export async function runIn(root: string, argv: string[], overrides: Partial<CheckPorts> = {}) {
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

/** The JSON report of the project, as written to stdout. */
export async function expectedReport(root: string): Promise<string> {
  const run = await runIn(root, ["check", "--no-cache", "--format", "json"]);
  expect(run.status).toBe(1);
  expect(run.stdout).toContain('"violations"');
  return run.stdout;
}

export const check = (output: string) => ["check", "--no-cache", "--format", "json", "-o", output];
export const temporaryFiles = (folder: string) => readdirSync(folder).filter((name) => name.endsWith(".tmp"));
