import { describe, expect, it } from "vitest";
import { fixturePath } from "../helpers/run-built-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { copyFixtureInProcess } from "../helpers/temp-fixture.js";

/** `--max-warnings N` and `--fail-on-unresolved` through the CLI in process, on baseline-legacy (a copy where a file changes). */

const LEGACY = fixturePath("baseline-legacy");
const check = (...args: string[]) => runInProcess(["check", ...args], LEGACY);

describe("--max-warnings N", () => {
  it("fails when warnings (warn-severity violations included) exceed N, and says so", async () => {
    expect((await check("src/legacy-helpers.ts", "--max-warnings", "1")).status).toBe(0);
    const over = await check("src/legacy-helpers.ts", "--max-warnings", "0");
    expect(over.status).toBe(1);
    expect(over.stdout).toContain(
      "✖ 1 warning exceeds --max-warnings 0\n✖ 0 errors, 1 warning (layer 0, package 0, private 0, context 0, unassigned 1, cycle 0, size 0)",
    );
    const json = await check("src/legacy-helpers.ts", "--max-warnings", "0", "--format", "json");
    expect(JSON.parse(json.stdout).summary.failures).toEqual([
      { code: "max-warnings", message: "1 warning exceeds --max-warnings 0" },
    ]);
  });

  it("N must be a whole number: exit 2", async () => {
    const run = await check("--max-warnings", "few");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      "error: option '--max-warnings <n>' argument 'few' is invalid. expected a whole number of 0 or more.",
    );
  });
});

describe("--fail-on-unresolved", () => {
  it("an import that cannot be resolved stays a warning but fails the check", async () => {
    const project = copyFixtureInProcess("baseline-legacy");
    try {
      project.write(
        "src/domain/totals.ts",
        `import { newOrder } from "./ordr.js";\n\nexport const total = newOrder;\n`,
      );
      expect((await project.run("check", "src/domain")).status).toBe(0);

      const strict = await project.run("check", "src/domain", "--fail-on-unresolved");
      expect(strict.status).toBe(1);
      expect(strict.stdout).toBe(
        [
          "warnings (1)",
          '  unresolved-import src/domain/totals.ts imports "./ordr.js", which cannot be resolved',
          "",
          "✖ 1 unresolved import fails the check (--fail-on-unresolved)",
          "✖ 0 errors, 1 warning (layer 0, package 0, private 0, context 0, unassigned 0, cycle 0, size 0) · 6 modules, 6 dependencies, 1 unresolved, 0 excluded, 0 parse errors",
          "",
        ].join("\n"),
      );
      const json = await project.checkJson("src/domain", "--fail-on-unresolved");
      expect(json.report.summary.failures).toEqual([
        { code: "unresolved-imports", message: "1 unresolved import fails the check (--fail-on-unresolved)" },
      ]);
      expect(json.report.warnings.map((warning: { code: string }) => warning.code)).toEqual(["unresolved-import"]);
    } finally {
      project.remove();
    }
  });

  it("passes when every import resolves", async () => {
    expect((await check("src/domain", "--fail-on-unresolved")).status).toBe(0);
  });
});
