import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixturePath, runBuiltCli } from "../helpers/run-built-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

/**
 * The built binary (`npm run build` first) answers as the CLI run in this process does, which the unit tier
 * tests in detail: one run per output format of `check` and per command, same exit code, stdout and stderr.
 */

const cwd = fixturePath("small-backend");
const EPOCH = { SOURCE_DATE_EPOCH: "0" };
const outputs = mkdtempSync(join(tmpdir(), "layerlint-smoke-"));
afterAll(() => rmSync(outputs, { recursive: true, force: true }));

async function expectSameAnswer(args: readonly string[], status: number, env: Record<string, string> = {}) {
  const built = runBuiltCli(args, cwd, env);
  expect(built.status, built.stderr).toBe(status);
  expect(built).toEqual(await runInProcess(args, cwd, env));
  return built;
}

describe("check, in every format: the built binary prints what the CLI prints in process", () => {
  for (const format of ["text", "json", "sarif", "junit", "github", "markdown"]) {
    it(format, async () => {
      const built = await expectSameAnswer(["check", "--no-cache", "--format", format], 1);
      expect(built.stdout).not.toBe("");
    });
  }
});

describe("every other command: same exit code and output as in process", () => {
  it.each([
    [["compile"], 0],
    [["graph"], 0],
    [["graph", "--format", "dot"], 0],
    [["doctor"], 0],
    [["explain", "src/http/users-route.ts"], 0],
    [["report"], 0],
    [["--help"], 0],
    [["--version"], 0],
  ] as const)("%j exits %i", async (args, status) => {
    const built = await expectSameAnswer(args, status, EPOCH);
    expect(built.stdout).not.toBe("");
  });

  it("baseline -o FILE writes the same file", async () => {
    const builtFile = join(outputs, "built.json");
    const inProcessFile = join(outputs, "in-process.json");
    const built = runBuiltCli(["baseline", "-o", builtFile], cwd);
    const inProcess = await runInProcess(["baseline", "-o", inProcessFile], cwd);
    expect(built.status, built.stderr).toBe(0);
    expect(inProcess.status, inProcess.stderr).toBe(0);
    expect(readFileSync(builtFile, "utf8")).toBe(readFileSync(inProcessFile, "utf8"));
    expect(built.stdout.replaceAll(builtFile, "FILE")).toBe(inProcess.stdout.replaceAll(inProcessFile, "FILE"));
  });
});
