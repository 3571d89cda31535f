import type { CheckReport, CheckSummary, CheckWarning, MapSummary } from "../domain/report/check-report.js";
import type { Violation } from "../domain/violations/violation.js";
import type { Reporter } from "./reporter.js";

/** The report as `schema/report.schema.json` describes it: messages as text only. */
type JsonReport = Omit<CheckReport, "violations" | "warnings"> & {
  readonly violations: readonly JsonViolation[];
  readonly warnings: readonly Omit<CheckWarning, "messageWords">[];
};
type JsonViolation = Omit<Violation, "messageWords">;

/** The versioned JSON contract; keys in a fixed order so the same tree gives the same bytes. */
export const jsonReporter: Reporter = (report, options) => {
  const violations = report.violations
    .filter((violation) => !options.quiet || violation.severity === "error")
    .map(orderedViolation);
  const body: JsonReport = {
    version: report.version,
    summary: {
      modules: report.summary.modules,
      dependencies: report.summary.dependencies,
      unresolved: report.summary.unresolved,
      excluded: report.summary.excluded,
      parseErrors: report.summary.parseErrors,
      skipped: report.summary.skipped,
      violations: { ...report.summary.violations },
      ...(report.summary.maps === undefined ? {} : { maps: report.summary.maps.map(orderedMapSummary) }),
      ...(report.summary.exceptions === undefined
        ? {}
        : {
            exceptions: report.summary.exceptions.map((use) => ({
              from: use.from,
              to: use.to,
              reason: use.reason,
              until: use.until,
              covered: use.covered,
              status: use.status,
              ...(use.map === undefined ? {} : { map: use.map }),
            })),
          }),
      ...baselineAndFailures(report),
    },
    violations,
    warnings: options.quiet
      ? []
      : report.warnings.map((warning) => ({
          code: warning.code,
          message: warning.message,
          ...(warning.file === undefined ? {} : { file: warning.file }),
        })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
};

function orderedMapSummary(summary: MapSummary): MapSummary {
  const { map, modules, dependencies, unresolved, excluded, parseErrors, skipped, violations } = summary;
  return { map, modules, dependencies, unresolved, excluded, parseErrors, skipped, violations: { ...violations } };
}

function baselineAndFailures({ summary }: CheckReport): Pick<CheckSummary, "baseline" | "failures"> {
  const baseline = summary.baseline;
  return {
    ...(baseline === undefined
      ? {}
      : {
          baseline: {
            new: baseline.new,
            known: baseline.known,
            stale: baseline.stale.map((entry) => ({
              id: entry.id,
              kind: entry.kind,
              from: entry.from,
              to: entry.to,
              count: entry.count,
            })),
            staleAction: baseline.staleAction,
          },
        }),
    ...(summary.failures === undefined
      ? {}
      : { failures: summary.failures.map((failure) => ({ code: failure.code, message: failure.message })) }),
  };
}

function orderedViolation(violation: Violation): JsonViolation {
  return {
    id: violation.id,
    kind: violation.kind,
    severity: violation.severity,
    rule: violation.rule,
    from: violation.from,
    to: violation.to,
    fromLayer: violation.fromLayer,
    toLayer: violation.toLayer,
    fromContext: violation.fromContext,
    toContext: violation.toContext,
    specifier: violation.specifier,
    line: violation.line,
    column: violation.column,
    locations: violation.locations.map((location) => ({
      line: location.line,
      column: location.column,
      specifier: location.specifier,
    })),
    dependencyTypes: [...violation.dependencyTypes],
    message: violation.message,
    fix: violation.fix,
    ...(violation.cycle === undefined ? {} : { cycle: [...violation.cycle] }),
    ...(violation.via === undefined ? {} : { via: [...violation.via] }),
  };
}
