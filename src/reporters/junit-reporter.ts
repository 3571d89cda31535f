import type { CheckFailure, ExceptionUse } from "../domain/report/check-report.js";
import type { Violation } from "../domain/violations/violation.js";
import { exceptionSummary } from "./exception-summary.js";
import { groupByRule } from "./group-by-rule.js";
import { reportedPath } from "./reported-path.js";
import type { Reporter, ReporterOptions } from "./reporter.js";
import { shownViolations } from "./shown-violations.js";

/**
 * JUnit XML for CI test tabs: a test suite per rule, a failing test case per error violation, a passing
 * test case with a `system-out` note per warning (warnings do not fail the check, so they fail no test),
 * a failing test case for each other reason the check fails, and one passing test case when nothing is
 * reported. The map's exceptions are skipped test cases, so CI test tabs show them.
 * No timings, so the bytes are stable.
 */
export const junitReporter: Reporter = (report, options) => {
  const violations = shownViolations(report, options);
  const failures = report.summary.failures ?? [];
  const suites = [...groupByRule(violations)].map(([rule, ofRule]) => ruleSuite(rule, ofRule, options));
  if (failures.length > 0) suites.push(failuresSuite(failures));
  const reported = violations.length + failures.length;
  if (reported === 0) suites.push(cleanSuite());
  const failed = errorCount(violations) + failures.length;
  const exceptions = report.summary.exceptions ?? [];
  if (exceptions.length > 0) suites.push(exceptionsSuite(exceptions));
  const tests = Math.max(reported, 1) + exceptions.length;
  const skipped = exceptions.length > 0 ? ` skipped="${exceptions.length}"` : "";
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="layerlint" tests="${tests}" failures="${failed}" errors="0"${skipped}>`,
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
};

function cleanSuite(): string {
  return [
    suiteStart("layerlint", { tests: 1, failures: 0, skipped: 0 }),
    '    <testcase classname="layerlint" name="imports follow the layer map"/>',
    "  </testsuite>",
  ].join("\n");
}

/** The reasons besides violations that a check fails for (a stale baseline, too many warnings). */
function failuresSuite(failures: readonly CheckFailure[]): string {
  return [
    suiteStart("layerlint", { tests: failures.length, failures: failures.length, skipped: 0 }),
    ...failures.map((failure) =>
      [
        `    <testcase classname="layerlint" name="${attribute(failure.code)}">`,
        `      <failure type="error" message="${attribute(failure.message)}">${text(failure.message)}</failure>`,
        "    </testcase>",
      ].join("\n"),
    ),
    "  </testsuite>",
  ].join("\n");
}

function exceptionsSuite(exceptions: readonly ExceptionUse[]): string {
  return [
    suiteStart("exceptions", { tests: exceptions.length, failures: 0, skipped: exceptions.length }),
    ...exceptions.map((use) =>
      [
        `    <testcase classname="exceptions" name="${attribute(`${use.from} → ${use.to}`)}">`,
        `      <skipped message="${attribute(exceptionSummary(use))}"/>`,
        "    </testcase>",
      ].join("\n"),
    ),
    "  </testsuite>",
  ].join("\n");
}

function ruleSuite(rule: string, violations: readonly Violation[], options: ReporterOptions): string {
  return [
    suiteStart(attribute(rule), { tests: violations.length, failures: errorCount(violations), skipped: 0 }),
    ...violations.map((violation) => testCase(violation, options)),
    "  </testsuite>",
  ].join("\n");
}

/** A `<testsuite>` start tag; `name` is already an attribute value. */
function suiteStart(name: string, counts: { tests: number; failures: number; skipped: number }): string {
  const { tests, failures, skipped } = counts;
  return `  <testsuite name="${name}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`;
}

function testCase(violation: Violation, options: ReporterOptions): string {
  const file = reportedPath(violation.from, options);
  const name = violation.to === null ? file : `${file} → ${violation.to}`;
  const statements = violation.locations.map(
    (location) => `${file}:${location.line}:${location.column} "${location.specifier}"`,
  );
  const body = [...(statements.length > 0 ? statements : [file]), `fix: ${violation.fix}`].join("\n");
  const where = `file="${attribute(file)}" line="${violation.line ?? 1}"`;
  return [
    `    <testcase classname="${attribute(violation.rule)}" name="${attribute(name)}" ${where}>`,
    violation.severity === "error"
      ? `      <failure type="error" message="${attribute(violation.message)}">${text(body)}</failure>`
      : `      <system-out>${text(`warning: ${violation.message}\n${body}`)}</system-out>`,
    "    </testcase>",
  ].join("\n");
}

function errorCount(violations: readonly Violation[]): number {
  return violations.filter((violation) => violation.severity === "error").length;
}

/** Characters XML 1.0 cannot hold at all become U+FFFD rather than breaking the document. */
function xmlSafe(value: string): string {
  return value.replace(
    // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters; they are what this replaces
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    "\uFFFD",
  );
}

function text(value: string): string {
  return xmlSafe(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function attribute(value: string): string {
  return text(value)
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}
