import { describe, expect, it } from "vitest";
import { fixturePath } from "../helpers/run-built-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

describe("a source file with a syntax error", () => {
  it("is a parse-error warning with its position, counted in the summary, and the rest is still checked", async () => {
    const run = await runInProcess(["check", "--format", "json"], fixturePath("syntax-error"));
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as {
      summary: { parseErrors: number; modules: number };
      violations: { from: string }[];
      warnings: unknown[];
    };
    expect(report.summary).toMatchObject({ parseErrors: 1, modules: 3 });
    expect(report.warnings).toEqual([
      {
        code: "parse-error",
        file: "src/app/broken.ts",
        message: "src/app/broken.ts:3:14: Variable declaration expected; its imports may be incomplete",
      },
    ]);
    expect(report.violations.map((violation) => violation.from)).toEqual(["src/app/broken.ts", "src/app/fine.ts"]);
  });
});
