import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inThreadSyntaxChecker } from "../../src/adapters/typescript/in-thread-syntax-checker.js";
import { runCli } from "../../src/cli/run-cli.js";
import type { CliRun } from "./run-built-cli.js";

/**
 * Runs the CLI in this process on the TypeScript sources, with the real adapters (the syntax check on this
 * thread: its worker exists only as built JavaScript). What `runBuiltCli` answers, without starting a process.
 * A `check` that names no cache option keeps its cache in a temporary folder, so no test writes into a fixture;
 * `cache: "project"` keeps it where a user's would be, for a temporary copy of a fixture.
 */
export async function runInProcess(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
  options: { cache?: "temporary" | "project" } = {},
): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const cacheDir =
    options.cache !== "project" && namesNoCache(args) ? mkdtempSync(join(tmpdir(), "layerlint-test-cache-")) : null;
  try {
    const status = await runCli({
      argv: cacheDir === null ? args : [...args, "--cache-dir", cacheDir],
      cwd,
      env: { NO_COLOR: "1", ...env },
      stdout: { write: (text: string) => stdout.push(text) },
      stderr: { write: (text: string) => stderr.push(text) },
      ports: { syntax: inThreadSyntaxChecker },
    });
    return { status, stdout: stdout.join(""), stderr: stderr.join("") };
  } finally {
    if (cacheDir !== null) rmSync(cacheDir, { recursive: true, force: true });
  }
}

function namesNoCache(args: readonly string[]): boolean {
  return (
    args[0] === "check" &&
    !args.some((arg) => arg === "--no-cache" || arg.startsWith("--cache-dir") || arg === "--workspaces")
  );
}
