import { plural } from "../domain/plural.js";
import {
  checkFails,
  warningCount,
  type BaselineSummary,
  type CheckReport,
  type CheckWarning,
  type ExceptionUse,
} from "../domain/report/check-report.js";
import type { Violation } from "../domain/violations/violation.js";
import { reportedPath } from "./reported-path.js";
import type { Reporter, ReporterOptions } from "./reporter.js";
import { shownViolations } from "./shown-violations.js";

/** How many violations the summary lists; a pull request comment has to stay readable. */
export const TOP_VIOLATIONS = 20;

/**
 * A Markdown summary for `$GITHUB_STEP_SUMMARY` or a pull request comment: the verdict and counts,
 * why the check fails, the top violations (errors first), the warnings, and the layer diagram when given.
 */
export const markdownReporter: Reporter = (report, options) => {
  const violations = shownViolations(report, options);
  const sections = [
    [heading(report), "", ...countsTable(report)].join("\n"),
    ...(report.summary.exceptions === undefined || report.summary.exceptions.length === 0
      ? []
      : [exceptionsSection(report.summary.exceptions)]),
    ...(report.summary.baseline === undefined ? [] : [baselineSection(report.summary.baseline)]),
    ...(report.summary.failures === undefined || report.summary.failures.length === 0 ? [] : [failuresSection(report)]),
    ...(violations.length === 0 ? [] : [violationsSection(violations, options)]),
    ...(options.quiet || report.warnings.length === 0 ? [] : [warningsSection(report.warnings, options)]),
    ...(options.diagram === undefined ? [] : [`#### Layers\n\n\`\`\`mermaid\n${options.diagram.trimEnd()}\n\`\`\``]),
  ];
  return `${sections.join("\n\n")}\n`;
};

function heading(report: CheckReport): string {
  const errors = report.violations.filter((violation) => violation.severity === "error").length;
  const counts = `${plural(errors, "error")}, ${plural(warningCount(report), "warning")}`;
  return checkFails(report) ? `### ✖ layerlint: ${counts}` : `### ✔ layerlint: ${counts}`;
}

function countsTable(report: CheckReport): string[] {
  const { summary } = report;
  const columns: [string, number][] = [
    ...Object.entries(summary.violations).map(([kind, count]): [string, number] => [`${kind} violations`, count]),
    ["modules", summary.modules],
    ["dependencies", summary.dependencies],
    ["unresolved", summary.unresolved],
    ["excluded", summary.excluded],
    ["parse errors", summary.parseErrors],
  ];
  return [
    row(columns.map(([name]) => name)),
    row(columns.map(() => "---:")),
    row(columns.map(([, count]) => String(count))),
  ];
}

function exceptionsSection(exceptions: readonly ExceptionUse[]): string {
  const lines = [
    `**Exceptions:** ${exceptions.reduce((total, use) => total + use.covered, 0)} violations excepted by the map.`,
    "",
  ];
  for (const use of exceptions) {
    const status = use.status === "active" ? `covers ${use.covered}` : `**${use.status}**`;
    const until = use.until === null ? "" : `, until ${use.until}`;
    lines.push(`- ${code(use.from)} → ${code(use.to)}: ${status}${until}. ${prose(use.reason)}`);
  }
  return lines.join("\n");
}

function baselineSection(baseline: BaselineSummary): string {
  const lines = [`**Baseline:** ${baseline.new} new, ${baseline.known} known, ${baseline.stale.length} stale.`];
  if (baseline.stale.length > 0) {
    const meaning = {
      error: "they fail the check: shrink the baseline with `--update-baseline`",
      warn: "they are only reported",
      removed: "`--update-baseline` removed them",
    }[baseline.staleAction];
    lines.push("", `Stale entries no longer occur; ${meaning}:`, "");
    for (const entry of baseline.stale)
      lines.push(`- ${entry.kind} ${code(entry.from)}${entry.to === null ? "" : ` → ${code(entry.to)}`}`);
  }
  return lines.join("\n");
}

function failuresSection(report: CheckReport): string {
  return [
    "**The check fails:**",
    "",
    ...(report.summary.failures ?? []).map((failure) => `- ${code(failure.code)}: ${prose(failure.message)}`),
  ].join("\n");
}

function violationsSection(violations: readonly Violation[], options: ReporterOptions): string {
  const ordered = [
    ...violations.filter((violation) => violation.severity === "error"),
    ...violations.filter((violation) => violation.severity !== "error"),
  ];
  const top = ordered.slice(0, TOP_VIOLATIONS);
  const title =
    violations.length > top.length
      ? `#### Top ${top.length} of ${violations.length} violations`
      : `#### Violations (${violations.length})`;
  const lines = [
    title,
    "",
    row(["severity", "rule", "where", "import", "fix"]),
    row(["---", "---", "---", "---", "---"]),
  ];
  for (const violation of top) {
    const file = reportedPath(violation.from, options);
    const where = violation.line === null ? code(file) : code(`${file}:${violation.line}:${violation.column}`);
    const target = violation.to === null ? "" : [...(violation.via ?? []), violation.to].map(code).join(" → ");
    const imported =
      violation.specifier === null || violation.specifier === violation.to
        ? target
        : `${code(violation.specifier)} → ${target}`;
    lines.push(row([violation.severity, code(violation.rule), where, imported, prose(violation.fix)]));
  }
  if (violations.length > top.length)
    lines.push("", `…and ${violations.length - top.length} more: run \`layerlint check\` to see them all.`);
  return lines.join("\n");
}

function warningsSection(warnings: readonly CheckWarning[], options: ReporterOptions): string {
  const items = warnings.map((warning) => {
    const file = warning.file === undefined ? "" : ` ${code(reportedPath(warning.file, options))}`;
    return `- ${code(warning.code)}${file}: ${prose(warning.message)}`;
  });
  return [`<details><summary>Warnings (${warnings.length})</summary>`, "", ...items, "", "</details>"].join("\n");
}

/** A table row; a `|` inside a cell (code spans included) must be escaped in GitHub's tables. */
function row(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, "\\|")).join(" | ")} |`;
}

/** An inline code span that holds any text on one line, backticks included. */
function code(text: string): string {
  const flat = text.replace(/[\r\n]+/g, " ");
  let longestRun = 0;
  for (const run of flat.match(/`+/g) ?? []) longestRun = Math.max(longestRun, run.length);
  const fence = "`".repeat(longestRun + 1);
  return longestRun === 0 ? `${fence}${flat}${fence}` : `${fence} ${flat} ${fence}`;
}

/** Text shown as written: Markdown and HTML syntax in a message never formats or hides anything. */
function prose(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/[\\`*_{}[\]<>#~&!]/g, "\\$&");
}
