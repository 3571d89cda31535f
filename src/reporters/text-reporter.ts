import { plural } from "../domain/plural.js";
import { checkFails, type BaselineSummary, type CheckReport } from "../domain/report/check-report.js";
import { isContextPublicRule } from "../domain/compile/compile-context-rules.js";
import type { Violation } from "../domain/violations/violation.js";
import type { Reporter } from "./reporter.js";
import { reportedPath } from "./reported-path.js";
import { appendAll } from "../domain/collections/append-all.js";
import { groupByRule } from "./group-by-rule.js";

type Paint = (text: string) => string;

const ANSI = { red: "31", yellow: "33", dim: "2", bold: "1", green: "32" } as const;

/** Violations grouped by rule, each with its position, the import as written and what to do; counts last. */
export const textReporter: Reporter = (report, options) => {
  const paint = (code: string): Paint => (options.color ? (text) => `\u001b[${code}m${text}\u001b[0m` : (text) => text);
  const red = paint(ANSI.red);
  const yellow = paint(ANSI.yellow);
  const dim = paint(ANSI.dim);
  const bold = paint(ANSI.bold);

  const shown = report.violations.filter((violation) => !options.quiet || violation.severity === "error");
  const lines: string[] = [];
  for (const [rule, violations] of groupByRule(shown)) {
    const severity = violations[0]?.severity === "error" ? red("error") : yellow("warn");
    lines.push(`${bold(rule)} ${severity} ${dim(`(${violations.length})`)}`);
    for (const violation of violations)
      appendAll(
        lines,
        describe(violation, dim, (path) => reportedPath(path, options)),
      );
    lines.push("");
  }
  if (!options.quiet && report.warnings.length > 0) {
    lines.push(bold(`warnings ${dim(`(${report.warnings.length})`)}`));
    for (const warning of report.warnings) lines.push(`  ${yellow(warning.code)} ${warning.message}`);
    lines.push("");
  }
  const { baseline, failures = [], exceptions = [], maps } = report.summary;
  if (exceptions.length > 0) {
    // Listed even with --quiet: an exception must never hide what it lets through.
    lines.push(bold(`exceptions ${dim(`(${exceptions.length})`)}`));
    for (const use of exceptions) {
      const status = use.status === "active" ? `covers ${use.covered}` : yellow(use.status);
      const until = use.until === null ? "" : `  until ${use.until}`;
      lines.push(`  ${use.from} → ${use.to}  ${status}${until}  ${dim(`reason: ${use.reason}`)}`);
    }
    lines.push("");
  }
  if (baseline !== undefined) appendAll(lines, baselineLines(baseline, { bold, dim, red, yellow }));
  for (const failure of failures) lines.push(red(`✖ ${failure.message}`));
  if (maps !== undefined)
    lines.push(`checked ${plural(maps.length, "layer map")}: ${maps.map((checked) => checked.map).join(", ")}`);
  lines.push(countsLine(report, { red, yellow, green: paint(ANSI.green) }));
  return `${lines.join("\n")}\n`;
};

/** Module paths relative to the current folder, so a terminal or editor opens them from where the check ran. */
function describe(violation: Violation, dim: Paint, shownPath: (path: string) => string): string[] {
  const from = shownPath(violation.from);
  const position = violation.line === null ? from : `${from}:${violation.line}:${violation.column}`;
  const specifier = violation.specifier === null ? "" : `  "${violation.specifier}"`;
  const lines = [`  ${position}${specifier}  ${what(violation, shownPath)}  ${dim(violation.id)}`];
  const others = violation.locations.slice(1).map((location) => `${location.line}:${location.column}`);
  if (others.length > 0) lines.push(`    ${dim(`also at ${others.join(", ")}`)}`);
  if (violation.via !== undefined) {
    const chain = [violation.from, ...violation.via, violation.to].map((path) =>
      path === null ? path : shownPath(path),
    );
    lines.push(`    ${dim(`through: ${chain.join(" → ")}`)}`);
  }
  lines.push(`    ${dim(`fix: ${violation.fix}`)}`);
  return lines;
}

/**
 * Layer, package, private and context violations by their layers or contexts; every other kind (and any future one) by
 * its message.
 */
function what(violation: Violation, shownPath: (path: string) => string): string {
  const to = violation.to === null ? null : shownPath(violation.to);
  if (violation.kind === "layer") return `${violation.fromLayer} → ${violation.toLayer} (${to})`;
  if (violation.kind === "package") return `${violation.fromLayer} → package ${violation.to}`;
  if (violation.kind === "private" && isContextPublicRule(violation.rule))
    return `context ${violation.fromContext} → context ${violation.toContext} internals (${to})`;
  if (violation.kind === "private") return `${violation.fromLayer} → ${violation.toLayer} internals (${to})`;
  if (violation.kind === "context") {
    const source = violation.fromContext === null ? "shared kernel" : `context ${violation.fromContext}`;
    return `${source} → context ${violation.toContext} (${to})`;
  }
  return violation.message;
}

const STALE_MEANING: Readonly<Record<BaselineSummary["staleAction"], string>> = {
  error: "fail the check: shrink the baseline with --update-baseline",
  warn: "are only reported (--stale-baseline warn)",
  removed: "were removed from the baseline (--update-baseline)",
};

/** The stale entries (fixed since the baseline was recorded), then the new / known / stale counts. */
function baselineLines(
  baseline: BaselineSummary,
  paint: { bold: Paint; dim: Paint; red: Paint; yellow: Paint },
): string[] {
  const lines: string[] = [];
  if (baseline.stale.length > 0) {
    const severity = baseline.staleAction === "error" ? paint.red("error") : paint.yellow(baseline.staleAction);
    lines.push(`${paint.bold("stale baseline entries")} ${severity} ${paint.dim(`(${baseline.stale.length})`)}`);
    for (const entry of baseline.stale) {
      const target = entry.to === null ? "" : ` → ${entry.to}`;
      lines.push(`  ${entry.kind} ${entry.from}${target}  ${paint.dim(`no longer occurs (${entry.id})`)}`);
    }
    lines.push("");
  }
  const stale = baseline.stale.length > 0 ? `; stale entries ${STALE_MEANING[baseline.staleAction]}` : "";
  lines.push(`baseline: ${baseline.new} new, ${baseline.known} known, ${baseline.stale.length} stale${stale}`);
  return lines;
}

function countsLine(report: CheckReport, paint: { red: Paint; yellow: Paint; green: Paint }): string {
  const errors = report.violations.filter((violation) => violation.severity === "error").length;
  const warnViolations = report.violations.length - errors;
  const warnings = report.warnings.length + warnViolations;
  const { summary } = report;
  const verdict = checkFails(report) ? paint.red(`✖ ${plural(errors, "error")}`) : paint.green("✔ no errors");
  const kinds = Object.entries(summary.violations)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(", ");
  const counts = [
    plural(summary.modules, "module"),
    plural(summary.dependencies, "dependency", "dependencies"),
    `${summary.unresolved} unresolved`,
    `${summary.excluded} excluded`,
    plural(summary.parseErrors, "parse error"),
  ].join(", ");
  const warningText = warnings > 0 ? paint.yellow(plural(warnings, "warning")) : plural(warnings, "warning");
  return `${verdict}, ${warningText} (${kinds}) · ${counts}`;
}
