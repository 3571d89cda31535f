import { describe, expect, it } from "vitest";
import { countByKind, type CheckReport } from "../../src/domain/report/check-report.js";
import { mergeReports, workspaceWithoutMapWarning } from "../../src/domain/report/merge-reports.js";
import { rebaseReport } from "../../src/domain/report/rebase-report.js";
import { named, namedFiles, said, type SaidMessage } from "../../src/domain/message-words.js";
import { cycleId, violationId } from "../../src/domain/violations/violation-id.js";
import type { Violation } from "../../src/domain/violations/violation.js";

function violation(fields: Partial<Violation> & Pick<Violation, "kind" | "from" | "to"> & SaidMessage): Violation {
  return {
    id: violationId(fields.kind, fields.from, fields.to),
    severity: "error",
    rule: `${fields.kind}-rule`,
    fromLayer: "a",
    toLayer: null,
    fromContext: null,
    toContext: null,
    specifier: null,
    line: null,
    column: null,
    locations: [],
    dependencyTypes: [],
    fix: "add src/x.ts to layers.a.public",
    ...fields,
  };
}

function report(
  violations: Violation[],
  warnings: CheckReport["warnings"] = [],
  extra: Partial<CheckReport["summary"]> = {},
): CheckReport {
  return {
    version: 1,
    summary: {
      modules: 3,
      dependencies: 4,
      unresolved: 1,
      excluded: 0,
      parseErrors: 0,
      skipped: 0,
      violations: countByKind(violations),
      ...extra,
    },
    violations,
    warnings,
  };
}

const API = { folder: "packages/api", map: "packages/api/layers.yaml" };

describe("rebaseReport", () => {
  it("puts every file path under the map's folder, in fields and where messages name them; quoted specifiers, package names and fixes stay as written", () => {
    const rebased = rebaseReport(
      report([
        violation({
          kind: "layer",
          from: "src/http/route.ts",
          to: "src/db/repo.ts",
          via: ["src/db/index.ts"],
          specifier: "../db/index.js",
          ...said`http may not import db: ${named("src/http/route.ts")} imports ${named("src/db/repo.ts")} through ${named("src/db/index.ts")}`,
        }),
        violation({
          kind: "package",
          from: "src/http/route.ts",
          to: "lodash/fp",
          ...said`http may not use lodash/fp`,
        }),
        violation({
          kind: "cycle",
          from: "a.ts",
          to: "src/b.ts",
          cycle: ["a.ts", "src/b.ts", "a.ts"],
          ...said`import cycle of 2 modules: ${namedFiles(["a.ts", "src/b.ts", "a.ts"], " → ")} (inside layer a)`,
        }),
        violation({
          kind: "private",
          from: "src/x.ts",
          to: "src/y/internal.ts",
          ...said`${named("src/x.ts")} imports ${named("src/y/internal.ts")}, an internal file of y: import it through its public surface (src/y/index.ts)`,
        }),
      ]),
      API,
    );
    expect(
      rebased.violations.map(({ from, to, via, cycle, message, fix }) => ({ from, to, via, cycle, message, fix })),
    ).toEqual([
      {
        from: "packages/api/src/http/route.ts",
        to: "packages/api/src/db/repo.ts",
        via: ["packages/api/src/db/index.ts"],
        cycle: undefined,
        message:
          "http may not import db: packages/api/src/http/route.ts imports packages/api/src/db/repo.ts through packages/api/src/db/index.ts",
        fix: "add src/x.ts to layers.a.public",
      },
      {
        from: "packages/api/src/http/route.ts",
        to: "lodash/fp",
        via: undefined,
        cycle: undefined,
        message: "http may not use lodash/fp",
        fix: "add src/x.ts to layers.a.public",
      },
      {
        from: "packages/api/a.ts",
        to: "packages/api/src/b.ts",
        via: undefined,
        cycle: ["packages/api/a.ts", "packages/api/src/b.ts", "packages/api/a.ts"],
        message:
          "import cycle of 2 modules: packages/api/a.ts → packages/api/src/b.ts → packages/api/a.ts (inside layer a)",
        fix: "add src/x.ts to layers.a.public",
      },
      {
        from: "packages/api/src/x.ts",
        to: "packages/api/src/y/internal.ts",
        via: undefined,
        cycle: undefined,
        message:
          "packages/api/src/x.ts imports packages/api/src/y/internal.ts, an internal file of y: import it through its public surface (src/y/index.ts)",
        fix: "add src/x.ts to layers.a.public",
      },
    ]);
    expect(rebased.violations[0]?.specifier).toBe("../db/index.js");
    // The id a check run from the merged report's folder gives the same loop: from the whole rebased loop.
    expect(rebased.violations[2]?.id).toBe(
      cycleId(["packages/api/a.ts", "packages/api/src/b.ts", "packages/api/a.ts"]),
    );
    expect(rebased.violations[2]?.id).not.toBe(violationId("cycle", "packages/api/a.ts", "packages/api/src/b.ts"));
  });

  it("derives ids again from the rebased kind, from and to, so two packages with the same layout never share an id", () => {
    const single = report([
      violation({
        kind: "layer",
        from: "src/a.ts",
        to: "src/b.ts",
        ...said`${named("src/a.ts")} imports ${named("src/b.ts")}`,
      }),
      violation({ kind: "unassigned", from: "src/c.ts", to: null, ...said`no layer claims ${named("src/c.ts")}` }),
    ]);
    const api = rebaseReport(single, API);
    const web = rebaseReport(single, { folder: "packages/web", map: "packages/web/layers.yaml" });
    expect(api.violations.map((found) => found.id)).toEqual([
      violationId("layer", "packages/api/src/a.ts", "packages/api/src/b.ts"),
      violationId("unassigned", "packages/api/src/c.ts", null),
    ]);
    expect(new Set([...api.violations, ...web.violations].map((found) => found.id)).size).toBe(4);
  });

  it("rebases warning files and their paths in messages (outside paths resolved), leaves specifiers; a warning about the map names the map file", () => {
    const rebased = rebaseReport(
      report(
        [],
        [
          { code: "layer-matches-nothing", ...said`layer adapters matches no file: its rules can never fire` },
          {
            code: "parse-error",
            file: "src/bad.ts",
            ...said`${named("src/bad.ts")}:3:7: ';' expected; its imports may be incomplete`,
          },
          {
            code: "import-outside-project",
            file: "src/a.ts",
            ...said`${named("src/a.ts")} imports "../../shared/x.js", which resolves to ${named("../shared/x.ts")}, outside the map's folder: not checked (move the map up to include it)`,
          },
          {
            code: "unresolved-import",
            file: "src/a.ts",
            ...said`${named("src/a.ts")} imports "./src/a.ts", which cannot be resolved`,
          },
        ],
      ),
      API,
    );
    expect(rebased.warnings.map(({ code, file, message }) => ({ code, file, message }))).toEqual([
      {
        code: "import-outside-project",
        file: "packages/api/src/a.ts",
        message:
          'packages/api/src/a.ts imports "../../shared/x.js", which resolves to packages/shared/x.ts, outside the map\'s folder: not checked (move the map up to include it)',
      },
      {
        code: "layer-matches-nothing",
        file: "packages/api/layers.yaml",
        message: "packages/api/layers.yaml: layer adapters matches no file: its rules can never fire",
      },
      {
        code: "parse-error",
        file: "packages/api/src/bad.ts",
        message: "packages/api/src/bad.ts:3:7: ';' expected; its imports may be incomplete",
      },
      {
        code: "unresolved-import",
        file: "packages/api/src/a.ts",
        message: 'packages/api/src/a.ts imports "./src/a.ts", which cannot be resolved',
      },
    ]);
  });

  it("marks each exception with its map and leaves its globs as the map writes them", () => {
    const exception = {
      from: "src/legacy/**",
      to: "lodash",
      reason: "migration",
      until: null,
      covered: 0,
      status: "stale" as const,
    };
    expect(rebaseReport(report([], [], { exceptions: [exception] }), API).summary.exceptions).toEqual([
      { ...exception, map: "packages/api/layers.yaml" },
    ]);
  });

  it("changes nothing when the map's folder is the folder itself", () => {
    const single = report(
      [
        violation({
          kind: "layer",
          from: "src/a.ts",
          to: "src/b.ts",
          ...said`${named("src/a.ts")} imports ${named("src/b.ts")}`,
        }),
      ],
      [{ code: "parse-error", file: "src/a.ts", ...said`${named("src/a.ts")}:1:1: x` }],
    );
    expect(rebaseReport(single, { folder: "", map: "layers.yaml" })).toEqual(single);
  });
});

describe("mergeReports", () => {
  it("sorts violations and warnings as one report, sums counts, keeps each map's counts and adds its own warnings", () => {
    const core = report(
      [
        violation({ kind: "unassigned", from: "packages/core/src/z.ts", to: null, ...said`` }),
        violation({ kind: "layer", from: "packages/core/src/a.ts", to: "packages/core/src/b.ts", ...said`` }),
      ],
      [{ code: "parse-error", file: "packages/core/src/a.ts", ...said`m` }],
      { failures: [{ code: "max-warnings", message: "f" }] },
    );
    const api = report(
      [violation({ kind: "layer", from: "packages/api/src/a.ts", to: "packages/api/src/b.ts", ...said`` })],
      [{ code: "unresolved-import", file: "packages/api/src/a.ts", ...said`m` }],
    );
    const merged = mergeReports(
      [
        { map: "packages/api/layers.yaml", report: api },
        { map: "packages/core/layers.yaml", report: core },
      ],
      [workspaceWithoutMapWarning("packages/shared")],
    );
    expect(merged.violations.map((found) => `${found.kind} ${found.from}`)).toEqual([
      "layer packages/api/src/a.ts",
      "layer packages/core/src/a.ts",
      "unassigned packages/core/src/z.ts",
    ]);
    expect(merged.warnings.map((warning) => warning.code)).toEqual([
      "parse-error",
      "unresolved-import",
      "workspace-without-map",
    ]);
    expect(merged.warnings[2]?.message).toContain("workspace package packages/shared has no layers.yaml");
    const counts = { modules: 3, dependencies: 4, unresolved: 1, excluded: 0, parseErrors: 0, skipped: 0 };
    expect(merged.summary).toEqual({
      modules: 6,
      dependencies: 8,
      unresolved: 2,
      excluded: 0,
      parseErrors: 0,
      skipped: 0,
      violations: { layer: 2, package: 0, private: 0, context: 0, unassigned: 1, cycle: 0, size: 0 },
      maps: [
        {
          map: "packages/api/layers.yaml",
          ...counts,
          violations: { layer: 1, package: 0, private: 0, context: 0, unassigned: 0, cycle: 0, size: 0 },
        },
        {
          map: "packages/core/layers.yaml",
          ...counts,
          violations: { layer: 1, package: 0, private: 0, context: 0, unassigned: 1, cycle: 0, size: 0 },
        },
      ],
      failures: [{ code: "max-warnings", message: "f" }],
    });
  });
});
