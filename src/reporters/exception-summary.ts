import type { ExceptionUse } from "../domain/report/check-report.js";

/** One line per exception for the CI formats: `exception FROM → TO: covers N (until DAY): REASON`. */
export function exceptionSummary(use: ExceptionUse): string {
  const status = use.status === "active" ? `covers ${use.covered}` : use.status;
  const until = use.until === null ? "" : ` (until ${use.until})`;
  return `exception ${use.from} → ${use.to}: ${status}${until}: ${use.reason}`;
}
