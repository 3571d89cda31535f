import type { BaselineEntry } from "../baseline/baseline.js";
import type { ViolationKind } from "../compile/rule-set.js";
import type { MessageWords } from "../message-words.js";
import { compareText } from "../violations/violation.js";
import type { Violation } from "../violations/violation.js";

export const REPORT_VERSION = 1;

export type WarningCode =
  | "unresolved-import"
  | "parse-error"
  | "layer-matches-nothing"
  | "glob-matches-nothing"
  | "nothing-checked"
  | "file-too-large"
  | "not-a-regular-file"
  | "import-outside-project"
  | "stale-exception"
  | "expired-exception"
  | "workspace-without-map"
  | "malformed-package-json";

/** What one exception of the map did in this run. */
export interface ExceptionUse {
  readonly from: string;
  readonly to: string;
  readonly reason: string;
  readonly until: string | null;
  /** How many violations it excepted (0 when stale or expired). */
  readonly covered: number;
  /** `active` covers violations; `stale` matches none; `expired`: its `until` day has passed, so it excepts nothing. */
  readonly status: "active" | "stale" | "expired";
  /**
   * Only in a report merging several maps (`check --workspaces`): the map that declares it, relative to the current
   * folder.
   */
  readonly map?: string;
}

export interface CheckWarning {
  readonly code: WarningCode;
  readonly message: string;
  /** The message's words with the files it names kept apart (not in the JSON report): a rebased report rebuilds it. */
  readonly messageWords: MessageWords;
  readonly file?: string;
}

export interface CheckSummary {
  readonly modules: number;
  readonly dependencies: number;
  readonly unresolved: number;
  readonly excluded: number;
  readonly parseErrors: number;
  /**
   * Source files over the size limit or not regular files: not checked, each named in a `file-too-large` or
   * `not-a-regular-file` warning.
   */
  readonly skipped: number;
  readonly violations: Readonly<Record<ViolationKind, number>>;
  /** Present in a report merging several maps (`check --workspaces`): each map checked, with its own counts. */
  readonly maps?: readonly MapSummary[];
  /**
   * Present when the map has exceptions: each one, how many violations it excepted, and whether it is stale or expired.
   */
  readonly exceptions?: readonly ExceptionUse[];
  /** Present with `--baseline`: the report's violations are then only the new ones. */
  readonly baseline?: BaselineSummary;
  /** Present when the check fails for a reason other than an error-severity violation. */
  readonly failures?: readonly CheckFailure[];
}

/** One map's counts in a report merging several maps; `map` is relative to the current folder. */
export interface MapSummary extends Pick<
  CheckSummary,
  "modules" | "dependencies" | "unresolved" | "excluded" | "parseErrors" | "skipped" | "violations"
> {
  readonly map: string;
}

/** What `check --baseline` made of the baseline. */
export interface BaselineSummary {
  /** Violations not in the baseline (those listed in the report). */
  readonly new: number;
  /** Violations the baseline holds: they do not fail the check. */
  readonly known: number;
  /** Entries that no longer occur. */
  readonly stale: readonly BaselineEntry[];
  /**
   * `error`: stale entries fail the check; `warn`: they are only reported; `removed`: --update-baseline dropped them.
   */
  readonly staleAction: "error" | "warn" | "removed";
}

export type CheckFailureCode = "stale-baseline" | "max-warnings" | "unresolved-imports" | "warnings-as-errors";

export interface CheckFailure {
  readonly code: CheckFailureCode;
  readonly message: string;
}

/** The result of a check: the JSON report's contract (`schema/report.schema.json`). */
export interface CheckReport {
  readonly version: typeof REPORT_VERSION;
  readonly summary: CheckSummary;
  readonly violations: readonly Violation[];
  readonly warnings: readonly CheckWarning[];
}

export function countByKind(violations: readonly Violation[]): Record<ViolationKind, number> {
  const counts: Record<ViolationKind, number> = {
    layer: 0,
    package: 0,
    private: 0,
    context: 0,
    unassigned: 0,
    cycle: 0,
    size: 0,
  };
  for (const violation of violations) counts[violation.kind] += 1;
  return counts;
}

export function compareWarnings(a: CheckWarning, b: CheckWarning): number {
  return compareText(a.code, b.code) || compareText(a.file ?? "", b.file ?? "") || compareText(a.message, b.message);
}

export function hasErrors(report: CheckReport): boolean {
  return report.violations.some((violation) => violation.severity === "error");
}

/** Exit 1: an error-severity violation, or a failure (stale baseline, --max-warnings, --fail-on-unresolved). */
export function checkFails(report: CheckReport): boolean {
  return hasErrors(report) || (report.summary.failures?.length ?? 0) > 0;
}

/** Warnings as the exit gate counts them: the report's warnings plus warn-severity violations. */
export function warningCount(report: CheckReport): number {
  return report.warnings.length + report.violations.filter((violation) => violation.severity === "warn").length;
}

export function withFailure(report: CheckReport, failure: CheckFailure): CheckReport {
  return { ...report, summary: { ...report.summary, failures: [...(report.summary.failures ?? []), failure] } };
}

/** Only the violations and file warnings of files in scope (e.g. changed files); counts follow. */
export function restrictReport(report: CheckReport, inScope: (file: string) => boolean): CheckReport {
  const violations = report.violations.filter((violation) => inScope(violation.from));
  const warnings = report.warnings.filter((warning) => warning.file === undefined || inScope(warning.file));
  return { ...report, summary: { ...report.summary, violations: countByKind(violations) }, violations, warnings };
}
