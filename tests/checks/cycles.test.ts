import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturePath } from "../helpers/run-built-cli.js";
import { depcruiseViolations } from "../helpers/raw-dependency-cruiser.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { sharedCheckCache } from "../helpers/shared-check-cache.js";

const FIXTURE = fixturePath("cycles");
const CACHE = sharedCheckCache();
const FIX =
  "break the loop: move what both sides need into a module they can both import, or invert one import through an interface";

interface CycleViolation {
  readonly kind: string;
  readonly severity: string;
  readonly rule: string;
  readonly from: string;
  readonly to: string | null;
  readonly cycle?: readonly string[];
}

async function check(config: string): Promise<{
  status: number | null;
  report: { summary: { violations: Record<string, number> }; violations: CycleViolation[] };
}> {
  const run = await runInProcess(["check", "--format", "json", "--config", config, ...CACHE], FIXTURE);
  return { status: run.status, report: JSON.parse(run.stdout) };
}

const TWO_CYCLE = {
  id: "cycle-9d40b15ed730",
  kind: "cycle",
  rule: "no-import-cycles",
  from: "src/lib/x.ts",
  to: "src/lib/y.ts",
  fromLayer: "lib",
  toLayer: "lib",
  fromContext: null,
  toContext: null,
  specifier: "./y.js",
  line: 2,
  column: 1,
  locations: [{ line: 2, column: 1, specifier: "./y.js" }],
  dependencyTypes: ["import", "local"],
  message: "import cycle of 2 modules: src/lib/x.ts → src/lib/y.ts → src/lib/x.ts (inside layer lib)",
  fix: FIX,
  cycle: ["src/lib/x.ts", "src/lib/y.ts", "src/lib/x.ts"],
};

describe("options.cycles", () => {
  it("reports each cycle once, from its smallest path, with the whole loop and the layers it crosses (default warn)", async () => {
    const { status, report } = await check("layers.yaml");
    expect(status).toBe(1); // the layer violation lib → app, not the cycles
    expect(report.summary.violations).toEqual({
      layer: 1,
      package: 0,
      private: 0,
      context: 0,
      unassigned: 0,
      cycle: 2,
      size: 0,
    });
    expect(report.violations.filter((violation) => violation.kind === "cycle")).toEqual([
      {
        id: "cycle-b15efb2809f4",
        kind: "cycle",
        severity: "warn",
        rule: "no-import-cycles",
        from: "src/app/a.ts",
        to: "src/lib/b.ts",
        fromLayer: "app",
        toLayer: "lib",
        fromContext: null,
        toContext: null,
        specifier: "../lib/b.js",
        line: 1,
        column: 1,
        locations: [{ line: 1, column: 1, specifier: "../lib/b.js" }],
        dependencyTypes: ["import", "local"],
        message:
          "import cycle of 3 modules: src/app/a.ts → src/lib/b.ts → src/lib/c.ts → src/app/a.ts (crossing layers app, lib)",
        fix: FIX,
        cycle: ["src/app/a.ts", "src/lib/b.ts", "src/lib/c.ts", "src/app/a.ts"],
      },
      { ...TWO_CYCLE, severity: "warn" },
    ]);
  });

  it("with typeOnlyImports: allow, a loop closed only by `import type` is no cycle; cycles: error fails the check", async () => {
    const { status, report } = await check("layers.allow-types.yaml");
    expect(status).toBe(1);
    expect(report.summary.violations).toEqual({
      layer: 1,
      package: 0,
      private: 0,
      context: 0,
      unassigned: 0,
      cycle: 1,
      size: 0,
    });
    expect(report.violations.filter((violation) => violation.kind === "cycle")).toEqual([
      { ...TWO_CYCLE, severity: "error" },
    ]);
  });

  it("cycles: off reports none and leaves the cycle rule out of the compiled configuration", async () => {
    const { report } = await check("layers.cycles-off.yaml");
    expect(report.summary.violations).toEqual({
      layer: 1,
      package: 0,
      private: 0,
      context: 0,
      unassigned: 0,
      cycle: 0,
      size: 0,
    });
    const compiled = JSON.parse(
      (await runInProcess(["compile", "--config", "layers.cycles-off.yaml"], FIXTURE)).stdout,
    ) as {
      forbidden: { name: string }[];
    };
    expect(compiled.forbidden.map((rule) => rule.name)).not.toContain("no-import-cycles");
  });

  it("a project without cycles has none", async () => {
    const run = await runInProcess(["check", "--format", "json"], fixturePath("clean-backend"));
    expect(
      (JSON.parse(run.stdout) as { summary: { violations: Record<string, number> } }).summary.violations.cycle,
    ).toBe(0);
  });

  it("shows the loop in the text report", async () => {
    const run = await runInProcess(["check", "--config", "layers.allow-types.yaml", ...CACHE], FIXTURE);
    expect(run.stdout).toContain(
      [
        "no-import-cycles error (1)",
        '  src/lib/x.ts:2:1  "./y.js"  import cycle of 2 modules: src/lib/x.ts → src/lib/y.ts → src/lib/x.ts (inside layer lib)',
      ].join("\n"),
    );
    expect(run.stdout).toContain(`    fix: ${FIX}\n`);
  });

  it("explain --violation tells a cycle's story", async () => {
    const run = await runInProcess(["explain", "--violation", "cycle-9d40b15ed730"], FIXTURE);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        "cycle-9d40b15ed730: import cycle of 2 modules: src/lib/x.ts → src/lib/y.ts → src/lib/x.ts (inside layer lib) (warn, rule no-import-cycles)",
        '  src/lib/x.ts:2:1  "./y.js"',
        "why:",
        "  options.cycles is warn: checked modules may not import each other in a loop",
        "what to do:",
        `  ${FIX}`,
        "",
      ].join("\n"),
    );
  });

  it.each(["layers.yaml", "layers.allow-types.yaml"])(
    "raw dependency-cruiser with the ejected configuration (%s) finds the same loops",
    async (config) => {
      const ejected = join(mkdtempSync(join(tmpdir(), "layerlint-cycles-")), "dependency-cruiser.json");
      expect((await runInProcess(["compile", "--config", config, "--output", ejected], FIXTURE)).status).toBe(0);
      const rawLoops = new Set(
        (await depcruiseViolations(FIXTURE, ejected))
          .filter((violation) => violation.rule.name === "no-import-cycles")
          .map((violation) =>
            canonical([violation.from, ...(violation.cycle ?? []).map((step) => step.name).slice(0, -1)]),
          ),
      );
      const ours = (await check(config)).report.violations
        .filter((violation) => violation.kind === "cycle")
        .map((violation) => (violation.cycle ?? []).slice(0, -1).join(" → "));
      expect([...rawLoops].sort()).toEqual(ours.sort());
    },
  );
});

function canonical(loop: readonly string[]): string {
  const start = loop.indexOf([...loop].sort()[0] as string);
  return [...loop.slice(start), ...loop.slice(0, start)].join(" → ");
}
