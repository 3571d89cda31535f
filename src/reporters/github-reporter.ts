import type { CheckWarning } from "../domain/report/check-report.js";
import type { Violation } from "../domain/violations/violation.js";
import { exceptionSummary } from "./exception-summary.js";
import { reportedPath } from "./reported-path.js";
import type { Reporter, ReporterOptions } from "./reporter.js";
import { shownViolations } from "./shown-violations.js";

/**
 * GitHub Actions workflow commands: one `::error` or `::warning` annotation per violation on its first
 * import statement (files no layer claims on line 1), so it shows on the pull request's diff; an `::error`
 * without a file for each other reason the check fails (a stale baseline, too many warnings), and a
 * `::notice` per exception of the map, even with --quiet, so an exception never hides.
 */
export const githubReporter: Reporter = (report, options) => {
  const lines = shownViolations(report, options).map((violation) => annotation(violation, options));
  if (!options.quiet) for (const warning of report.warnings) lines.push(warningAnnotation(warning, options));
  for (const use of report.summary.exceptions ?? []) {
    lines.push(command(use.status === "active" ? "notice" : "warning", { title: "exception" }, exceptionSummary(use)));
  }
  for (const failure of report.summary.failures ?? []) {
    lines.push(command("error", { title: failure.code }, failure.message));
  }
  return lines.map((line) => `${line}\n`).join("");
};

function annotation(violation: Violation, options: ReporterOptions): string {
  const others = violation.locations.slice(1).map((location) => `${location.line}:${location.column}`);
  const message = [
    violation.message,
    ...(others.length > 0 ? [`also at ${others.join(", ")}`] : []),
    `fix: ${violation.fix}`,
  ].join("\n");
  const properties = {
    file: reportedPath(violation.from, options),
    line: String(violation.line ?? 1),
    col: violation.column === null ? null : String(violation.column),
    title: violation.rule,
  };
  return command(violation.severity === "error" ? "error" : "warning", properties, message);
}

function warningAnnotation(warning: CheckWarning, options: ReporterOptions): string {
  return command(
    "warning",
    { file: warning.file === undefined ? null : reportedPath(warning.file, options), title: warning.code },
    warning.message,
  );
}

function command(
  name: "error" | "warning" | "notice",
  properties: Record<string, string | null>,
  message: string,
): string {
  const list = Object.entries(properties)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(",");
  return `::${name} ${list}::${escapeData(message)}`;
}

/** GitHub's escaping of a workflow command's message. */
function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** GitHub's escaping of a workflow command's property values: the message's, and `:` and `,`. */
function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
