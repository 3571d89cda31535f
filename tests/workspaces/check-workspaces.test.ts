import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { defaultConcurrency } from "../../src/cli/commands/workspaces-report.js";
import { checkReportSchema } from "../../src/domain/report/report-schema.js";
import { cycleId, violationId } from "../../src/domain/violations/violation-id.js";
import { commitEverything, git } from "../helpers/git-repository.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { copyFixtureInProcess, type TempFixture } from "../helpers/temp-fixture.js";

/**
 * `layerlint check --workspaces` through the CLI in process over copies of tests/fixtures/workspaces: api and core
 * have their own maps, shared has none, tools is no workspace package.
 */

interface Violation {
  id: string;
  kind: string;
  from: string;
  to: string | null;
  [field: string]: unknown;
}
interface Warning {
  code: string;
  message: string;
  file?: string;
}
interface Report {
  summary: { maps?: ({ map: string } & Record<string, unknown>)[]; failures?: unknown[] } & Record<string, unknown>;
  violations: Violation[];
  warnings: Warning[];
}

/** Runs in the copy with each map's cache where a user's would be, so the checks of one copy warm each other. */
const cli = (args: string[], cwd: string) => runInProcess(args, cwd, {}, { cache: "project" });

async function checkJson(cwd: string, ...args: string[]): Promise<{ status: number | null; report: Report }> {
  const run = await cli(["check", "--format", "json", "--no-progress", ...args], cwd);
  return { status: run.status, report: JSON.parse(run.stdout) as Report };
}

/** The part of the merged report that one package's map contributed, moved back into that package's coordinates. */
function packagePart(merged: Report, folder: string): Report {
  const map = `${folder}/layers.yaml`;
  const mine = (path: string | undefined) => path !== undefined && path.startsWith(`${folder}/`);
  const back = <T>(value: T): T =>
    JSON.parse(JSON.stringify(value).replaceAll(`${map}: `, "").replaceAll(`${folder}/`, "")) as T;
  const { map: _map, ...summary } = merged.summary.maps?.find((entry) => entry.map === map) ?? { map };
  return {
    summary,
    violations: back(merged.violations.filter((violation) => mine(violation.from))).map(
      ({ id: _id, ...violation }) => violation,
    ) as Violation[],
    warnings: back(merged.warnings.filter((warning) => mine(warning.file))).map((warning) =>
      warning.file === "layers.yaml" ? { code: warning.code, message: warning.message } : warning,
    ),
  };
}

/** A single check's report as packagePart returns one: ids are derived from the rebased paths, so they are compared in the first test. */
const withoutIds = ({ summary, violations, warnings }: Report): Report => ({
  summary,
  violations: violations.map(({ id: _id, ...violation }) => violation) as Violation[],
  warnings,
});

describe("layerlint check --workspaces", () => {
  // Read-only: the tests share one copy, so nothing is written into tests/fixtures.
  let shared: TempFixture;
  let workspace: string;
  beforeAll(() => {
    shared = copyFixtureInProcess("workspaces");
    workspace = shared.dir;
  });
  afterAll(() => shared.remove());

  it("checks every workspace package's own map in one run: one report, every path relative to the current folder, a warning for the package without a map", async () => {
    const { status, report } = await checkJson(workspace, "--workspaces");
    expect(status).toBe(1);
    expect(checkReportSchema.safeParse(report).success).toBe(true);
    expect(
      report.violations.map(({ id, kind, severity, from, to, line, via, cycle, message }) => ({
        id,
        kind,
        severity,
        from,
        to,
        line,
        via,
        cycle,
        message,
      })),
    ).toEqual([
      {
        id: violationId("layer", "packages/core/src/testing/fixtures.ts", "packages/core/src/domain/order.ts"),
        kind: "layer",
        severity: "error",
        from: "packages/core/src/testing/fixtures.ts",
        to: "packages/core/src/domain/order.ts",
        line: 1,
        via: ["packages/core/src/index.ts"],
        cycle: undefined,
        message:
          "testing may not import domain: packages/core/src/testing/fixtures.ts imports packages/core/src/domain/order.ts through packages/core/src/index.ts",
      },
      {
        id: violationId("package", "packages/api/src/http/orders-route.ts", "@acme/core"),
        kind: "package",
        severity: "error",
        from: "packages/api/src/http/orders-route.ts",
        to: "@acme/core",
        line: 1,
        via: undefined,
        cycle: undefined,
        message: "http may not use @acme/core",
      },
      {
        id: violationId("package", "packages/api/src/http/orders-route.ts", "@acme/tools"),
        kind: "package",
        severity: "error",
        from: "packages/api/src/http/orders-route.ts",
        to: "@acme/tools",
        line: 4,
        via: undefined,
        cycle: undefined,
        message: "http may not use @acme/tools",
      },
      {
        id: violationId("unassigned", "packages/core/src/legacy.ts", null),
        kind: "unassigned",
        severity: "error",
        from: "packages/core/src/legacy.ts",
        to: null,
        line: null,
        via: undefined,
        cycle: undefined,
        message: "no layer claims packages/core/src/legacy.ts",
      },
      {
        // As a check run from the root gives the loop: its id is derived from the whole loop.
        id: cycleId([
          "packages/core/src/domain/customer.ts",
          "packages/core/src/domain/order.ts",
          "packages/core/src/domain/customer.ts",
        ]),
        kind: "cycle",
        severity: "warn",
        from: "packages/core/src/domain/customer.ts",
        to: "packages/core/src/domain/order.ts",
        line: 1,
        via: undefined,
        cycle: [
          "packages/core/src/domain/customer.ts",
          "packages/core/src/domain/order.ts",
          "packages/core/src/domain/customer.ts",
        ],
        message:
          "import cycle of 2 modules: packages/core/src/domain/customer.ts → packages/core/src/domain/order.ts → packages/core/src/domain/customer.ts (inside layer domain)",
      },
    ]);
    expect(report.warnings.filter((warning) => warning.code !== "unresolved-import")).toEqual([
      {
        code: "layer-matches-nothing",
        file: "packages/core/layers.yaml",
        message: "packages/core/layers.yaml: layer adapters matches no file: its rules can never fire",
      },
      {
        code: "workspace-without-map",
        message:
          "workspace package packages/shared has no layers.yaml of its own: nothing in it is checked (write one with `layerlint init` in that folder)",
      },
    ]);
    expect(report.summary.maps?.map((entry) => entry.map)).toEqual([
      "packages/api/layers.yaml",
      "packages/core/layers.yaml",
    ]);
    expect(report.summary).toMatchObject({
      modules: 7,
      dependencies: 10,
      unresolved: 5,
      violations: { layer: 1, package: 2, private: 0, context: 0, unassigned: 1, cycle: 1, size: 0 },
    });
  });

  it("each package's part of the merged report is exactly what `layerlint check` in that package reports, rebased", async () => {
    const { report: merged } = await checkJson(workspace, "--workspaces");
    for (const folder of ["packages/api", "packages/core"]) {
      const single = (await checkJson(join(workspace, folder))).report;
      expect(single.violations.length + single.warnings.length).toBeGreaterThan(0);
      expect(packagePart(merged, folder)).toEqual(withoutIds(single));
    }
    const parts = ["packages/api", "packages/core"].map((folder) => packagePart(merged, folder));
    expect(merged.violations).toHaveLength(parts.reduce((total, part) => total + part.violations.length, 0));
    expect(merged.warnings).toHaveLength(parts.reduce((total, part) => total + part.warnings.length, 0) + 1);
  });

  it("text and CI formats name files from the current folder, all written from the one run", async () => {
    const out = realpathSync(mkdtempSync(join(tmpdir(), "layerlint-workspaces-")));
    try {
      const run = await cli(
        [
          "check",
          "--workspaces",
          "--no-progress",
          "--report",
          `github=${join(out, "annotations.txt")}`,
          "--report",
          `sarif=${join(out, "report.sarif")}`,
        ],
        workspace,
      );
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(
        '  packages/api/src/http/orders-route.ts:4:1  "@acme/tools"  http → package @acme/tools  ',
      );
      expect(run.stdout).toContain(
        "    through: packages/core/src/testing/fixtures.ts → packages/core/src/index.ts → packages/core/src/domain/order.ts\n",
      );
      expect(run.stdout).toContain(
        "\nchecked 2 layer maps: packages/api/layers.yaml, packages/core/layers.yaml\n✖ 4 errors, 8 warnings ",
      );
      const github = readFileSync(join(out, "annotations.txt"), "utf8").split("\n");
      expect(github).toContain(
        '::error file=packages/api/src/http/orders-route.ts,line=4,col=1,title=http-may-not-use-uninstalled-packages::http may not use @acme/tools%0Afix: http may use @acme/shared: move the code that needs @acme/tools to a layer that may use it, or add "@acme/tools" to layers.http.packages',
      );
      expect(github).toContain(
        "::error file=packages/core/src/legacy.ts,line=1,title=no-unassigned-files::no layer claims packages/core/src/legacy.ts%0Afix: add a glob that matches it to a layer's paths, or add it to exclude",
      );
      expect(github).toContain(
        "::warning file=packages/core/layers.yaml,title=layer-matches-nothing::packages/core/layers.yaml: layer adapters matches no file: its rules can never fire",
      );
      expect(github).toContain(
        "::warning title=workspace-without-map::workspace package packages/shared has no layers.yaml of its own: nothing in it is checked (write one with `layerlint init` in that folder)",
      );
      const sarif = JSON.parse(readFileSync(join(out, "report.sarif"), "utf8")) as {
        runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
      };
      expect(
        sarif.runs[0]?.results.map((result) => result.locations[0]?.physicalLocation.artifactLocation.uri),
      ).toEqual([
        "packages/core/src/testing/fixtures.ts",
        "packages/api/src/http/orders-route.ts",
        "packages/api/src/http/orders-route.ts",
        "packages/core/src/legacy.ts",
        "packages/core/src/domain/customer.ts",
      ]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("--max-warnings and --fail-on-unresolved judge the merged report, not each package", async () => {
    // 7 warnings and 1 warn-severity violation: api alone has 5, core alone 2.
    const { status, report } = await checkJson(
      workspace,
      "--workspaces",
      "--max-warnings",
      "7",
      "--fail-on-unresolved",
    );
    expect(status).toBe(1);
    expect(report.summary.failures).toEqual([
      { code: "unresolved-imports", message: "5 unresolved imports fail the check (--fail-on-unresolved)" },
      { code: "max-warnings", message: "8 warnings exceed --max-warnings 7" },
    ]);
  });

  it("refuses what names or watches one map, and says so on one line (exit 2)", async () => {
    for (const args of [
      ["--config", "packages/api/layers.yaml"],
      ["--watch"],
      ["--baseline", "layerlint-baseline.json"],
      ["--update-baseline"],
      ["packages/api/src"],
    ]) {
      const run = await cli(["check", "--workspaces", ...args], workspace);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/^layerlint: --workspaces cannot be combined with [^\n]+ \[LL-USAGE\]\n$/);
    }
  });

  it("checks packages --concurrency at a time with the same report, byte for byte, whatever the number", async () => {
    const runs = await Promise.all(
      ["1", "2", "8"].map((n) =>
        cli(
          ["check", "--workspaces", "--format", "json", "--no-progress", "--no-cache", "--concurrency", n],
          workspace,
        ),
      ),
    );
    const [one, ...others] = runs.map(({ status, stdout }) => ({ status, stdout }));
    expect(one?.status).toBe(1);
    for (const other of others) expect(other).toEqual(one);
  });

  it("checks half the cores' worth of packages at once by default, at least one", () => {
    expect([1, 2, 3, 4, 9, 64].map((cores) => defaultConcurrency(cores))).toEqual([1, 1, 1, 2, 4, 32]);
  });

  it("--concurrency takes a whole number from 1, and only with --workspaces (exit 2)", async () => {
    for (const value of ["0", "-1", "two", "1.5"]) {
      const run = await cli(["check", "--workspaces", "--concurrency", value], workspace);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`option '--concurrency <n>' argument '${value}' is invalid`);
    }
    const single = await cli(["check", "--concurrency", "2"], join(workspace, "packages/api"));
    expect(single.status).toBe(2);
    expect(single.stderr).toBe(
      "layerlint: --concurrency applies only with --workspaces: one map's check runs one cruise [LL-USAGE]\n",
    );
  });
});

describe("layerlint check --workspaces in other trees", () => {
  let project: TempFixture | null = null;
  let scratch: string | null = null;
  afterEach(() => {
    project?.remove();
    project = null;
    if (scratch !== null) rmSync(scratch, { recursive: true, force: true });
    scratch = null;
  });

  it("a workspace whose packages have no map, or no workspace at all: exit 2 with one line", async () => {
    scratch = realpathSync(mkdtempSync(join(tmpdir(), "layerlint-no-maps-")));
    mkdirSync(join(scratch, "alone"));
    writeFileSync(join(scratch, "alone", "package.json"), "{}\n");
    mkdirSync(join(scratch, "packages", "a"), { recursive: true });
    writeFileSync(
      join(scratch, "package.json"),
      JSON.stringify({ name: "root", private: true, workspaces: ["packages/*"] }),
    );
    writeFileSync(join(scratch, "packages", "a", "package.json"), JSON.stringify({ name: "a" }));
    const none = await cli(["check", "--workspaces"], scratch);
    expect(none.status).toBe(2);
    expect(none.stderr).toBe(
      "layerlint: --workspaces: the one workspace package has no layers.yaml of its own: write one in a package (`layerlint init` there), or check with a root map without --workspaces [LL-NO-MAP]\n",
    );
    writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "root", private: true }));
    git(scratch, "init", "--quiet");
    const noWorkspace = await cli(["check", "--workspaces"], join(scratch, "alone"));
    expect(noWorkspace.status).toBe(2);
    expect(noWorkspace.stderr).toBe(
      `layerlint: --workspaces: no npm, pnpm or yarn workspace with packages holds ${join(scratch, "alone")}: run it at the monorepo root [LL-NO-MAP]\n`,
    );
  });

  it("a configuration error in one package's map exits 2 naming that map file, line and column, before anything is checked", async () => {
    project = copyFixtureInProcess("workspaces");
    project.write(
      "packages/core/layers.yaml",
      'version: 1\nlayers:\n  domain:\n    paths: ["src/domain/**"]\n    mayImport: [infra]\n',
    );
    const run = await project.run("check", "--workspaces", "--format", "json");
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      '\npackages/core/layers.yaml:5:17 (layers.domain.mayImport[0]): unknown layer "infra"',
    );
  });

  it("--changed narrows each package to its changed files, as it would in that package", async () => {
    project = copyFixtureInProcess("workspaces");
    commitEverything(project.dir, "main", "workspaces");
    project.write("packages/core/src/legacy.ts", `// touched\n${project.read("packages/core/src/legacy.ts")}`);
    const { status, report } = await project.checkJson("--workspaces", "--changed", "HEAD");
    expect(status).toBe(1);
    expect(report.violations.map((violation: Violation) => violation.from)).toEqual(["packages/core/src/legacy.ts"]);
    expect(report.warnings.map((warning: Warning) => warning.code)).toEqual([
      "layer-matches-nothing",
      "workspace-without-map",
    ]);
  });

  it("keeps each package's cache where a check in that package keeps it, so a second run is warm", async () => {
    project = copyFixtureInProcess("workspaces");
    for (const folder of ["api", "core", "shared"])
      rmSync(join(project.dir, "packages", folder, "node_modules"), { recursive: true, force: true });
    const cacheLines = async (cwd: string, ...args: string[]) =>
      (await cli(["check", "--timings", "--no-progress", ...args], cwd)).stderr
        .split("\n")
        .filter((line) => line.includes("cache:"));
    expect(await cacheLines(project.dir, "--workspaces")).toEqual([
      expect.stringMatching(/^packages\/api: cache: graph 0 hits, 2 misses \(cold: /),
      expect.stringMatching(/^packages\/core: cache: graph 0 hits, 5 misses \(cold: /),
    ]);
    expect(await cacheLines(join(project.dir, "packages/api"))).toEqual([
      "cache: graph 2 hits, 0 misses (nothing changed); syntax 2 hits, 0 misses",
    ]);
    expect(await cacheLines(project.dir, "--workspaces")).toEqual([
      "packages/api: cache: graph 2 hits, 0 misses (nothing changed); syntax 2 hits, 0 misses",
      "packages/core: cache: graph 5 hits, 0 misses (nothing changed); syntax 5 hits, 0 misses",
    ]);
  });
});
