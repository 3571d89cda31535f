import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkReportSchema } from "../../src/domain/report/report-schema.js";
import { fixturePath, runBuiltCli } from "../helpers/run-built-cli.js";

/** Golden files: refresh with `npm run golden:update` after an intended change, then review the diff. */
const GOLDEN = new URL("../golden/", import.meta.url);
const update = process.env.UPDATE_GOLDEN === "1";

function expectGolden(name: string, actual: string): void {
  const file = new URL(name, GOLDEN);
  if (update) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

describe("reports of the small backend", () => {
  const cwd = fixturePath("small-backend");

  it("JSON: the exact golden bytes, valid against the shipped report schema", () => {
    const run = runBuiltCli(["check", "--format", "json"], cwd);
    expect(run.status).toBe(1);
    expectGolden("small-backend.json", run.stdout);
    expect(checkReportSchema.safeParse(JSON.parse(run.stdout)).success).toBe(true);
  });

  it("JSON: byte-identical across runs", () => {
    const first = runBuiltCli(["check", "--format", "json"], cwd).stdout;
    expect(runBuiltCli(["check", "--format", "json"], cwd).stdout).toBe(first);
  });

  it("text: violations grouped by rule with file:line:col, the import as written, the fix; counts last", () => {
    const run = runBuiltCli(["check"], cwd);
    expect(run.status).toBe(1);
    expectGolden("small-backend.txt", run.stdout);
    expect(run.stderr).toBe("");
  });

  it("text --quiet: errors only, no warnings", () => {
    const run = runBuiltCli(["check", "--quiet"], cwd);
    expect(run.stdout).not.toContain("warnings (");
    expect(run.stdout).toContain("transport-may-not-import-persistence");
  });

  it("colours only on request of a TTY: never with NO_COLOR, never when piped", () => {
    expect(runBuiltCli(["check"], cwd, { FORCE_COLOR: "1" }).stdout).not.toContain("\u001b[");
  });
});
