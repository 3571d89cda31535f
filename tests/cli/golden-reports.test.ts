import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkReportSchema } from "../../src/domain/report/report-schema.js";
import { fixturePath } from "../helpers/run-built-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

/**
 * Golden files, checked on the CLI run in this process (built-binary-smoke.test.ts pins that the binary prints the same).
 * Refresh with `npm run golden:update` after an intended change, then review the diff.
 */
const GOLDEN = new URL("../golden/", import.meta.url);
const update = process.env.UPDATE_GOLDEN === "1";

function expectGolden(name: string, actual: string): void {
  const file = new URL(name, GOLDEN);
  if (update) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

describe("reports of the small backend", () => {
  const cwd = fixturePath("small-backend");

  it("JSON: the exact golden bytes, valid against the shipped report schema", async () => {
    const run = await runInProcess(["check", "--format", "json"], cwd);
    expect(run.status).toBe(1);
    expectGolden("small-backend.json", run.stdout);
    expect(checkReportSchema.safeParse(JSON.parse(run.stdout)).success).toBe(true);
  });

  it("JSON: byte-identical across runs", async () => {
    const first = (await runInProcess(["check", "--format", "json"], cwd)).stdout;
    expect((await runInProcess(["check", "--format", "json"], cwd)).stdout).toBe(first);
  });

  it("text: violations grouped by rule with file:line:col, the import as written, the fix; counts last", async () => {
    const run = await runInProcess(["check"], cwd);
    expect(run.status).toBe(1);
    expectGolden("small-backend.txt", run.stdout);
    expect(run.stderr).toBe("");
  });

  it("text --quiet: errors only, no warnings", async () => {
    const run = await runInProcess(["check", "--quiet"], cwd);
    expect(run.stdout).not.toContain("warnings (");
    expect(run.stdout).toContain("transport-may-not-import-persistence");
  });

  it("colours only on request of a TTY: never with NO_COLOR, never when piped", async () => {
    expect((await runInProcess(["check"], cwd, { FORCE_COLOR: "1" })).stdout).not.toContain("\u001b[");
  });
});
