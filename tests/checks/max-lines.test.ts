import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturePath } from "../helpers/run-built-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

const FIX = "split it by responsibility into smaller modules, or raise the limit if this file is the exception";
const UNLOCATED = {
  toLayer: null,
  fromContext: null,
  toContext: null,
  to: null,
  specifier: null,
  line: null,
  column: null,
  locations: [],
  dependencyTypes: [],
  fix: FIX,
};

describe("maxLines", () => {
  it("reports files over their layer's limit, else the map's, as kind size with the count and the limit", async () => {
    const run = await runInProcess(["check", "--format", "json"], fixturePath("oversized"));
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { summary: { violations: Record<string, number> }; violations: unknown[] };
    expect(report.summary.violations).toEqual({
      layer: 0,
      package: 0,
      private: 0,
      context: 0,
      unassigned: 0,
      cycle: 0,
      size: 2,
    });
    expect(report.violations).toEqual([
      {
        id: "size-71b0e75004be",
        kind: "size",
        severity: "error",
        rule: "max-lines",
        from: "src/core/long.ts",
        fromLayer: "core",
        ...UNLOCATED,
        message: "src/core/long.ts has 12 lines, over the limit of 10 (options.maxLines)",
      },
      {
        id: "size-a80d72c8808d",
        kind: "size",
        severity: "error",
        rule: "max-lines",
        from: "src/scripts/migrate.ts",
        fromLayer: "scripts",
        ...UNLOCATED,
        message: "src/scripts/migrate.ts has 31 lines, over the limit of 30 (layers.scripts.maxLines)",
      },
    ]);
  });

  it("is off by default", async () => {
    const run = await runInProcess(["check", "--format", "json"], fixturePath("clean-backend"));
    expect(
      (JSON.parse(run.stdout) as { summary: { violations: Record<string, number> } }).summary.violations.size,
    ).toBe(0);
  });

  it("refuses a limit that is not a positive whole number (exit 2, at the key)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "layerlint-max-lines-"));
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "src", "a.ts"), "export const a = 1;\n");
    writeFileSync(
      join(dir, "layers.yaml"),
      'version: 1\noptions:\n  maxLines: 0\nlayers:\n  core:\n    paths: ["src/**"]\n    maxLines: 2.5\n',
    );
    const run = await runInProcess(["check"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      [
        "layerlint: the layer map has 2 problems [LL-CONFIG]",
        "layers.yaml:3:13 (options.maxLines): maxLines must be at least 1",
        "layers.yaml:7:15 (layers.core.maxLines): maxLines must be a whole number of lines",
        "",
      ].join("\n"),
    );
  });
});
