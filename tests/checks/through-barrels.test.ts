import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkReportSchema } from "../../src/domain/report/report-schema.js";
import { fixturePath } from "../helpers/run-built-cli.js";
import { depcruiseViolations } from "../helpers/raw-dependency-cruiser.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { sharedCheckCache } from "../helpers/shared-check-cache.js";

const FIXTURE = fixturePath("barrels");
const CACHE = sharedCheckCache();
const FIX =
  "transport may import dal-api, contracts: reach persistence through one of them, or add persistence to layers.transport.mayImport if the map is what is wrong";
const ALIASED = ["aliased", "aliased-tsconfig", "aliased-tsconfig-paths", "import", "local"];

interface Report {
  readonly summary: { readonly violations: Record<string, number> };
  readonly violations: readonly Record<string, unknown>[];
  readonly warnings: readonly unknown[];
}

async function check(...args: string[]): Promise<{ status: number | null; report: Report }> {
  const run = await runInProcess(["check", "--format", "json", ...args, ...CACHE], FIXTURE);
  return { status: run.status, report: JSON.parse(run.stdout) as Report };
}

/** Without seeing through: the billing barrel is persistence, so a type taken from it is a violation. */
const BILLING_BARREL = {
  id: "layer-a590a0080645",
  kind: "layer",
  severity: "error",
  rule: "transport-may-not-import-persistence",
  from: "src/billing/invoice.controller.ts",
  to: "libs/billing/src/index.ts",
  fromLayer: "transport",
  toLayer: "persistence",
  fromContext: null,
  toContext: null,
  specifier: "../../libs/billing/src/index.js",
  line: 2,
  column: 1,
  locations: [{ line: 2, column: 1, specifier: "../../libs/billing/src/index.js" }],
  dependencyTypes: ["import", "local", "type-only"],
  message: "transport may not import persistence: src/billing/invoice.controller.ts imports libs/billing/src/index.ts",
  fix: FIX,
};

/** A namespace import takes the whole barrel: an import of the barrel, with or without seeing through. */
const BILLING_NAMESPACE = {
  ...BILLING_BARREL,
  id: "layer-07968f50af67",
  from: "src/billing/billing-admin.controller.ts",
  dependencyTypes: ["import", "local"],
  message:
    "transport may not import persistence: src/billing/billing-admin.controller.ts imports libs/billing/src/index.ts",
};

const AUDIT_REPOSITORY = {
  id: "layer-0e19d18e76a1",
  kind: "layer",
  severity: "error",
  rule: "transport-may-not-import-persistence",
  from: "src/audit/audit.controller.ts",
  to: "libs/dal/src/audit.repository.ts",
  fromLayer: "transport",
  toLayer: "persistence",
  fromContext: null,
  toContext: null,
  specifier: "@dal",
  line: 2,
  column: 1,
  locations: [{ line: 2, column: 1, specifier: "@dal" }],
  dependencyTypes: [...ALIASED, "type-only"],
  message:
    "transport may not import persistence: src/audit/audit.controller.ts imports libs/dal/src/audit.repository.ts through libs/dal/src/index.ts",
  fix: FIX,
  via: ["libs/dal/src/index.ts"],
};

const USER_REPOSITORY = {
  id: "layer-dcd0580824f0",
  kind: "layer",
  severity: "error",
  rule: "transport-may-not-import-persistence",
  from: "src/auth/auth.controller.ts",
  to: "libs/dal/src/users/user.repository.ts",
  fromLayer: "transport",
  toLayer: "persistence",
  fromContext: null,
  toContext: null,
  specifier: "@dal",
  line: 2,
  column: 1,
  locations: [{ line: 2, column: 1, specifier: "@dal" }],
  dependencyTypes: ALIASED,
  message:
    "transport may not import persistence: src/auth/auth.controller.ts imports libs/dal/src/users/user.repository.ts through libs/dal/src/index.ts → libs/dal/src/users/index.ts",
  fix: FIX,
  via: ["libs/dal/src/index.ts", "libs/dal/src/users/index.ts"],
};

describe("check --through-barrels", () => {
  it("without it, a barrel's own layer decides: the repository behind the allowed dal-api barrel is hidden, the type behind the persistence billing barrel is a violation", async () => {
    const { status, report } = await check();
    expect(status).toBe(1);
    expect(report.summary.violations).toEqual({
      layer: 2,
      package: 0,
      private: 0,
      context: 0,
      unassigned: 0,
      cycle: 0,
      size: 0,
    });
    expect(report.violations).toEqual([BILLING_NAMESPACE, BILLING_BARREL]);
    expect(report.warnings).toEqual([]);
  });

  it("with it, each name counts as an import of its defining module (through nested barrels), the chain in via; import * as stays on the barrel", async () => {
    const { status, report } = await check("--through-barrels");
    expect(status).toBe(1);
    expect(report.summary.violations).toEqual({
      layer: 3,
      package: 0,
      private: 0,
      context: 0,
      unassigned: 0,
      cycle: 0,
      size: 0,
    });
    expect(report.violations).toEqual([AUDIT_REPOSITORY, USER_REPOSITORY, BILLING_NAMESPACE]);
    expect(report.warnings).toEqual([]);
  });

  it("options.throughBarrels: true means the same; `import { type X }` through a barrel is type-only, so typeOnlyImports: allow spares it", async () => {
    const { status, report } = await check("--config", "type-only-allow.yaml");
    expect(status).toBe(1);
    expect(report.violations).toEqual([USER_REPOSITORY, BILLING_NAMESPACE]);
  });

  it("--no-through-barrels wins over the map's option: the repository is hidden again (and the billing type is spared as type-only)", async () => {
    const { status, report } = await check("--config", "type-only-allow.yaml", "--no-through-barrels");
    expect(status).toBe(1);
    expect(report.violations).toEqual([BILLING_NAMESPACE]);
  });

  it("options.throughBarrels must be a boolean: a configuration error at the value (exit 2)", async () => {
    const run = await runInProcess(["check", "--config", "not-a-boolean.yaml"], FIXTURE);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      "not-a-boolean.yaml:4:19 (options.throughBarrels): throughBarrels must be true or false\n",
    );
  });

  it("the JSON report with via is valid against the report schema", async () => {
    expect(checkReportSchema.safeParse((await check("--through-barrels")).report).success).toBe(true);
  });

  it("Markdown shows the chain in the import column; SARIF, GitHub and JUnit carry it in the message", async () => {
    const run = async (format: string) =>
      (await runInProcess(["check", "--through-barrels", "--format", format, ...CACHE], FIXTURE)).stdout;
    expect(await run("markdown")).toContain(
      "| error | `transport-may-not-import-persistence` | `src/auth/auth.controller.ts:2:1` | `@dal` → `libs/dal/src/index.ts` → `libs/dal/src/users/index.ts` → `libs/dal/src/users/user.repository.ts` |",
    );
    const sarif = JSON.parse(await run("sarif")) as {
      runs: { results: { message: { text: string }; properties: { via?: string[] } }[] }[];
    };
    expect(sarif.runs[0]?.results.map((result) => result.message.text.split(". Fix: ")[0])).toEqual([
      AUDIT_REPOSITORY.message,
      USER_REPOSITORY.message,
      BILLING_NAMESPACE.message,
    ]);
    expect(sarif.runs[0]?.results.map((result) => result.properties.via)).toEqual([
      AUDIT_REPOSITORY.via,
      USER_REPOSITORY.via,
      undefined,
    ]);
    expect(await run("github")).toContain(
      `::error file=src/auth/auth.controller.ts,line=2,col=1,title=transport-may-not-import-persistence::${USER_REPOSITORY.message}%0A`,
    );
    expect(await run("junit")).toContain(`message="${USER_REPOSITORY.message}"`);
  });

  it("shows the chain in the text report", async () => {
    const run = await runInProcess(["check", "--through-barrels", ...CACHE], FIXTURE);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      [
        '  src/auth/auth.controller.ts:2:1  "@dal"  transport → persistence (libs/dal/src/users/user.repository.ts)  layer-dcd0580824f0',
        "    through: src/auth/auth.controller.ts → libs/dal/src/index.ts → libs/dal/src/users/index.ts → libs/dal/src/users/user.repository.ts",
        `    fix: ${FIX}`,
      ].join("\n"),
    );
  });

  it("with options.throughBarrels, explain sees through barrels as check does", async () => {
    const run = await runInProcess(
      ["explain", "src/auth/auth.controller.ts", "--config", "type-only-allow.yaml"],
      FIXTURE,
    );
    expect(run.stdout).toContain('    FAIL 2:1  "@dal" → libs/dal/src/users/user.repository.ts (persistence)\n');
  });

  it("the ejected configuration does not see through barrels: raw dependency-cruiser finds what check finds without the flag", async () => {
    const ejected = join(mkdtempSync(join(tmpdir(), "layerlint-barrels-")), "dependency-cruiser.json");
    expect((await runInProcess(["compile", "--output", ejected], FIXTURE)).status).toBe(0);
    const found = (await depcruiseViolations(FIXTURE, ejected, ["src", "libs"])).map(
      (violation) => `${violation.from} → ${violation.to}`,
    );
    expect(found).toEqual(
      [BILLING_NAMESPACE, BILLING_BARREL].map((violation) => `${violation.from} → ${violation.to}`),
    );
  });
});
