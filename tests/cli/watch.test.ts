import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BUILT_BIN, fixturePath } from "../helpers/run-built-cli.js";

/** `check --watch` as a user runs it: the built CLI (`npm run build` first) on a copy of a fixture, edited while it watches. */

let child: ChildProcess | null = null;
let project = "";
afterEach(() => {
  child?.kill("SIGTERM");
  if (project !== "") rmSync(project, { recursive: true, force: true });
});

function watch(
  cwd: string,
  ...args: string[]
): { output: () => string; errors: () => string; waitFor: (text: string) => Promise<void> } {
  let stdout = "";
  let stderr = "";
  child = spawn(process.execPath, [BUILT_BIN, "check", "--watch", ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1" },
  });
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const waitFor = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (stdout.includes(text) || stderr.includes(text)) {
          clearInterval(poll);
          resolve();
        } else if (Date.now() - started > 90_000) {
          clearInterval(poll);
          reject(new Error(`never saw ${JSON.stringify(text)}; stdout: ${stdout}; stderr: ${stderr}`));
        }
      }, 50);
    });
  return { output: () => stdout, errors: () => stderr, waitFor };
}

describe("check --watch", () => {
  it("prints the report, then only what each save adds or fixes, and goes on after a broken map", async () => {
    project = mkdtempSync(join(tmpdir(), "layerlint-watch-"));
    cpSync(fixturePath("small-backend"), project, { recursive: true });
    const run = watch(project);
    await run.waitFor("✖ 3 errors");
    expect(run.output()).toContain("transport-may-not-import-persistence error (1)");

    writeFileSync(
      join(project, "src/domain/audit.ts"),
      'import { findUser } from "../db/user-repository.js";\nexport const audit = findUser;\n',
    );
    await run.waitFor("1 new, 0 fixed");
    const added = run
      .output()
      .split("\n")
      .filter((line) => line.startsWith("  + "));
    expect(added).toEqual([
      expect.stringMatching(
        /^ {2}\+ error domain-may-not-import-persistence {2}src\/domain\/audit\.ts:1:1 {2}domain may not import persistence: src\/domain\/audit\.ts imports src\/db\/user-repository\.ts {2}layer-[0-9a-f]{12}$/,
      ),
    ]);
    expect(run.output()).toMatch(/layerlint: src\/domain\/audit\.ts changed: 1 new, 0 fixed\n.*\n✖ 4 errors/);

    writeFileSync(join(project, "layers.yaml"), "version: 1\nlayers: [\n");
    await run.waitFor("(still watching)");
    expect(run.errors()).toContain("layers.yaml");

    cpSync(join(fixturePath("small-backend"), "layers.yaml"), join(project, "layers.yaml"));
    writeFileSync(join(project, "src/domain/audit.ts"), "export const audit = 1;\n");
    await run.waitFor("0 new, 1 fixed");
    expect(
      run
        .output()
        .split("\n")
        .filter((line) => line.startsWith("  - ")),
    ).toEqual([expect.stringContaining("- error domain-may-not-import-persistence  src/domain/audit.ts:1:1")]);
  }, 240_000);

  it("prints text only: --format, --output or --report with --watch is a usage error (exit 2)", async () => {
    const run = watch(fixturePath("small-backend"), "--format", "json");
    await run.waitFor("--watch prints text on stdout");
    const exited = child as ChildProcess;
    if (exited.exitCode === null) await new Promise<void>((resolve) => exited.on("exit", () => resolve()));
    expect(exited.exitCode).toBe(2);
  }, 60_000);
});
