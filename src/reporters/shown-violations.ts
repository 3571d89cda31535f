import type { CheckReport } from "../domain/report/check-report.js";
import type { Violation } from "../domain/violations/violation.js";
import type { ReporterOptions } from "./reporter.js";

/** The violations a report shows: all of them, or with `quiet` only the error-severity ones. */
export function shownViolations(report: CheckReport, options: ReporterOptions): readonly Violation[] {
  return options.quiet ? report.violations.filter((violation) => violation.severity === "error") : report.violations;
}
