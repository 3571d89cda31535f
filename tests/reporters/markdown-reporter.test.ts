import { describe, expect, it } from "vitest";
import { markdownReporter, TOP_VIOLATIONS } from "../../src/reporters/markdown-reporter.js";
import { expectGolden, fixtureDiagram, fixtureReport, staleBaselineReport } from "./fixture-reports.js";

const options = { color: false, quiet: false };

describe("the Markdown reporter", () => {
  it("writes the golden summary of the small backend, with its layer diagram", async () => {
    const text = markdownReporter(await fixtureReport("small-backend"), {
      ...options,
      diagram: await fixtureDiagram("small-backend"),
    });
    expectGolden("small-backend.md", text);
  });

  it("heads with the verdict and counts, then a row per violation with severity, rule, file:line:col, import and fix", async () => {
    const lines = markdownReporter(await fixtureReport("small-backend"), options).split("\n");
    expect(lines[0]).toBe("### ✖ layerlint: 3 errors, 1 warning");
    expect(lines.slice(2, 5)).toEqual([
      "| layer violations | package violations | private violations | context violations | unassigned violations | cycle violations | size violations | modules | dependencies | unresolved | excluded | parse errors |",
      "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      "| 1 | 1 | 0 | 0 | 1 | 0 | 0 | 4 | 5 | 1 | 0 | 0 |",
    ]);
    expect(lines).toContain("#### Violations (3)");
    expect(lines).toContain(
      "| error | `transport-may-not-import-persistence` | `src/http/users-route.ts:2:1` | `../db/user-repository.js` → `src/db/user-repository.ts` | transport may import domain: reach persistence through one of them, or add persistence to layers.transport.mayImport if the map is what is wrong |",
    );
    expect(lines).toContain(
      "| error | `no-unassigned-files` | `src/main.ts` |  | add a glob that matches it to a layer's paths, or add it to exclude |",
    );
    expect(lines).toContain(
      '- `unresolved-import` `src/http/users-route.ts`: src/http/users-route.ts imports "express", which cannot be resolved',
    );
    expect(lines).not.toContain("#### Layers");
  });

  it("lists errors first and at most the top violations, saying how many more there are", async () => {
    const report = await fixtureReport("small-backend");
    const [first] = report.violations;
    const many = Array.from({ length: TOP_VIOLATIONS + 5 }, (_, index) => ({
      ...first!,
      from: `src/http/f${String(index).padStart(2, "0")}.ts`,
      severity: index === 24 ? ("error" as const) : ("warn" as const),
    }));
    const text = markdownReporter({ ...report, violations: many }, options);
    expect(text).toContain(`#### Top ${TOP_VIOLATIONS} of ${TOP_VIOLATIONS + 5} violations`);
    expect(text).toContain("…and 5 more: run `layerlint check` to see them all.");
    const rows = text.split("\n").filter((line) => line.startsWith("| error |") || line.startsWith("| warn |"));
    expect(rows).toHaveLength(TOP_VIOLATIONS);
    expect(rows[0]).toContain("src/http/f24.ts");
  });

  it("shows Markdown in messages as written and keeps table cells whole", async () => {
    const report = await fixtureReport("small-backend");
    const [first] = report.violations;
    const text = markdownReporter(
      { ...report, violations: [{ ...first!, from: "src/a|b.ts", fix: "use *this* | <b>not</b>\nthat" }] },
      options,
    );
    expect(text).toContain(
      "| error | `transport-may-not-import-persistence` | `src/a\\|b.ts:2:1` | `../db/user-repository.js` → `src/db/user-repository.ts` | use \\*this\\* \\| \\<b\\>not\\</b\\> that |",
    );
  });

  it("shows the baseline's new, known and stale counts and why the check fails", async () => {
    const text = markdownReporter(await staleBaselineReport(), options);
    expect(text).toContain(
      "**Baseline:** 3 new, 2 known, 1 stale.\n\nStale entries no longer occur; they fail the check: shrink the baseline with `--update-baseline`:\n\n- layer `src/http/old.ts` → `src/db/old.ts`",
    );
    expect(text).toContain(
      "**The check fails:**\n\n- `stale-baseline`: 1 baseline entry no longer occurs: the baseline only shrinks, rewrite it with --update-baseline",
    );
  });

  it("puts the path prefix before every file, and --quiet leaves warnings out", async () => {
    const text = markdownReporter(await fixtureReport("small-backend"), {
      color: false,
      quiet: true,
      pathPrefix: "services/api",
    });
    expect(text).toContain("`services/api/src/http/users-route.ts:2:1`");
    expect(text).not.toContain("Warnings");
  });

  it("a clean run: the verdict, the counts and the diagram, no violation table", async () => {
    const text = markdownReporter(await fixtureReport("clean-backend"), {
      ...options,
      diagram: await fixtureDiagram("clean-backend"),
    });
    expect(text.split("\n").slice(0, 5)).toEqual([
      "### ✔ layerlint: 0 errors, 0 warnings",
      "",
      "| layer violations | package violations | private violations | context violations | unassigned violations | cycle violations | size violations | modules | dependencies | unresolved | excluded | parse errors |",
      "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      "| 0 | 0 | 0 | 0 | 0 | 0 | 0 | 3 | 2 | 0 | 0 | 0 |",
    ]);
    expect(text).not.toContain("Violations");
    expect(text).toMatch(/\n#### Layers\n\n```mermaid\n%% [^\n]+\nflowchart TB\n[\s\S]+\n```\n$/);
  });
});
