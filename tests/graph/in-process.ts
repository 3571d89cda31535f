import type { CliEnvironment } from "../../src/cli/cli-environment.js";
import { runCli } from "../../src/cli/run-cli.js";

export interface InProcessRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `layerlint ARGS` in this process (no syntax worker, whose compiled file vitest does not have). */
export async function runInProcess(args: readonly string[], cwd: string): Promise<InProcessRun> {
  const out: string[] = [];
  const err: string[] = [];
  const environment: CliEnvironment = {
    argv: [...args],
    cwd,
    env: { NO_COLOR: "1" },
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    ports: { syntax: { check: () => Promise.resolve([]) } },
  };
  const status = await runCli(environment);
  return { status, stdout: out.join(""), stderr: err.join("") };
}
