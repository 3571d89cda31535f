import type { ViolationKind } from "../compile/rule-set.js";
import { compareText } from "../violations/violation.js";
import type { Violation } from "../violations/violation.js";

export const REPORT_VERSION = 1;

export type WarningCode =
  | "unresolved-import"
  | "parse-error"
  | "claimed-by-several-layers"
  | "layer-matches-nothing"
  | "glob-matches-nothing"
  | "nothing-checked";

export interface CheckWarning {
  readonly code: WarningCode;
  readonly message: string;
  readonly file?: string;
}

export interface CheckSummary {
  readonly modules: number;
  readonly dependencies: number;
  readonly unresolved: number;
  readonly excluded: number;
  readonly parseErrors: number;
  readonly violations: Readonly<Record<ViolationKind, number>>;
}

/** The result of a check: the JSON report's contract (`schema/report.schema.json`). */
export interface CheckReport {
  readonly version: typeof REPORT_VERSION;
  readonly summary: CheckSummary;
  readonly violations: readonly Violation[];
  readonly warnings: readonly CheckWarning[];
}

export function countByKind(violations: readonly Violation[]): Record<ViolationKind, number> {
  const counts: Record<ViolationKind, number> = { layer: 0, package: 0, unassigned: 0 };
  for (const violation of violations) counts[violation.kind] += 1;
  return counts;
}

export function compareWarnings(a: CheckWarning, b: CheckWarning): number {
  return compareText(a.code, b.code) || compareText(a.file ?? "", b.file ?? "") || compareText(a.message, b.message);
}

export function hasErrors(report: CheckReport): boolean {
  return report.violations.some((violation) => violation.severity === "error");
}
