import { compareViolations } from "../violations/violation.js";
import { said } from "../message-words.js";
import {
  compareWarnings,
  countByKind,
  REPORT_VERSION,
  type CheckReport,
  type CheckSummary,
  type CheckWarning,
  type MapSummary,
} from "./check-report.js";

/** One map's report, already rebased into the merged report's coordinates (`rebaseReport`). */
export interface MapReport {
  /** The map file, relative to the folder the merged report speaks from. */
  readonly map: string;
  readonly report: CheckReport;
}

type Count = "modules" | "dependencies" | "unresolved" | "excluded" | "parseErrors" | "skipped";
const COUNTS: readonly Count[] = ["modules", "dependencies", "unresolved", "excluded", "parseErrors", "skipped"];

/**
 * Several maps' reports as one, as if one check had found it all: violations and warnings sorted as a single
 * report sorts them, counts summed, exceptions and failures in map order; `summary.maps` keeps each map's own counts.
 * `warnings` are the merge's own (workspace packages without a map).
 */
export function mergeReports(parts: readonly MapReport[], warnings: readonly CheckWarning[]): CheckReport {
  const summaries = parts.map((part) => part.report.summary);
  const exceptions = summaries.flatMap((summary) => summary.exceptions ?? []);
  const failures = summaries.flatMap((summary) => summary.failures ?? []);
  return {
    version: REPORT_VERSION,
    summary: {
      ...countsOf(summaries),
      maps: parts.map(({ map, report }): MapSummary => ({ map, ...countsOf([report.summary]) })),
      ...(summaries.some((summary) => summary.exceptions !== undefined) ? { exceptions } : {}),
      ...(failures.length > 0 ? { failures } : {}),
    },
    violations: parts.flatMap((part) => part.report.violations).sort(compareViolations),
    warnings: [...parts.flatMap((part) => part.report.warnings), ...warnings].sort(compareWarnings),
  };
}

function countsOf(summaries: readonly CheckSummary[]): Pick<CheckSummary, Count | "violations"> {
  const violations = countByKind([]);
  for (const summary of summaries)
    for (const [kind, count] of Object.entries(summary.violations))
      violations[kind as keyof typeof violations] += count;
  const counts = Object.fromEntries(
    COUNTS.map((key) => [key, summaries.reduce((total, summary) => total + summary[key], 0)]),
  ) as Record<Count, number>;
  return { ...counts, violations };
}

/** A workspace package with no map of its own: said, so a package is never dropped from the check in silence. */
export function workspaceWithoutMapWarning(folder: string): CheckWarning {
  const unchecked = "nothing in it is checked (write one with `layerlint init` in that folder)";
  return {
    code: "workspace-without-map",
    ...said`workspace package ${folder} has no layers.yaml of its own: ${unchecked}`,
  };
}
