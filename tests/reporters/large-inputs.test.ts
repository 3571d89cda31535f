import { describe, expect, it } from "vitest";
import { createBaseline, serializeBaseline, sortedBaseline } from "../../src/domain/baseline/baseline.js";
import { findJsonSyntaxError } from "../../src/domain/baseline/json-syntax-error.js";
import { matchBaseline } from "../../src/domain/baseline/match-baseline.js";
import { parseBaseline } from "../../src/domain/baseline/parse-baseline.js";
import { BaselineError } from "../../src/domain/errors.js";
import type { CheckReport } from "../../src/domain/report/check-report.js";
import { reporters } from "../../src/reporters/index.js";
import { largeBaselineEntries, largeReport, largeViolations, type ReportSize } from "./large-report.js";

/**
 * Reporters and the baseline at the sizes of a large monorepo, fed directly (pure functions, no cruise):
 * no call stack overflow from spreading a long list into a call, nothing quadratic, every entry present.
 * The default tier runs past the size where a spread overflowed (about 120,000); LAYERLINT_SLOW=1 runs
 * 500,000 warnings and a 1,000,000-entry baseline. Time and memory: `node scripts/bench/large-reports.mjs`.
 */

const SLOW = process.env.LAYERLINT_SLOW === "1";
const DEFAULT_SIZE: ReportSize = { warnings: 130_000, violations: 30_000, baselineEntries: 130_000 };
// More violations besides would take SARIF past the longest string V8 holds (about 512 MiB): a report is one string.
const SLOW_SIZE: ReportSize = { warnings: 500_000, violations: 30_000, baselineEntries: 1_000_000 };
/** Minutes, not the default minute: the slow tier runs on a shared machine. */
const SLOW_TIMEOUT = 600_000;

function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

function reportsAtSize(size: ReportSize) {
  // Built by the first test that runs: a skipped tier builds nothing.
  let report: CheckReport | undefined;
  const options = { color: false, quiet: false };
  const each = {
    text: (text: string) => {
      expect(occurrences(text, "\n  unresolved-import src/generated/")).toBe(size.warnings);
      expect(occurrences(text, "  domain → db (src/db/client.ts)")).toBe(size.violations);
      expect(occurrences(text, "  no longer occurs (layer-")).toBe(size.baselineEntries);
    },
    json: (text: string) => {
      expect(occurrences(text, '"code": "unresolved-import"')).toBe(size.warnings);
      expect(occurrences(text, '"rule": "layer/domain->db"')).toBe(size.violations);
      expect(occurrences(text, '"to": "src/db/client.ts",\n          "count": 1')).toBe(size.baselineEntries);
    },
    sarif: (text: string) => {
      expect(occurrences(text, '"id": "unresolved-import"')).toBe(size.warnings);
      expect(occurrences(text, '"ruleId": "layer/domain->db"')).toBe(size.violations);
    },
    junit: (text: string) => {
      expect(occurrences(text, '<testcase classname="layer/domain-&gt;db"')).toBe(size.violations);
      expect(text).toContain(`tests="${size.violations}" failures="${size.violations}"`);
    },
    github: (text: string) => {
      expect(occurrences(text, "::warning file=src/generated/")).toBe(size.warnings);
      expect(occurrences(text, "::error file=src/domain/")).toBe(size.violations);
    },
    markdown: (text: string) => {
      expect(occurrences(text, "\n- `unresolved-import` `src/generated/")).toBe(size.warnings);
      expect(occurrences(text, "\n- layer `src/domain/")).toBe(size.baselineEntries);
      expect(text).toContain(`#### Top 20 of ${size.violations} violations`);
    },
  } satisfies Record<keyof typeof reporters, (text: string) => void>;
  for (const [format, check] of Object.entries(each)) {
    it(`${format}: every warning, violation and stale entry, without a stack overflow`, () => {
      report ??= largeReport(size);
      check(reporters[format as keyof typeof reporters](report, options));
    });
  }
}

function baselineAtSize(entries: number) {
  it(`records, writes, reads and matches ${entries} entries`, () => {
    const violations = largeViolations(entries);
    const recorded = createBaseline(violations);
    const text = serializeBaseline(recorded);
    expect(occurrences(text, '\n    {"id":"layer-')).toBe(entries);

    const read = parseBaseline("layerlint-baseline.json", text);
    expect(read.violations).toHaveLength(entries);
    expect(read.violations[entries - 1]).toEqual(recorded.violations[entries - 1]);

    // Today: the first half still occurs, one of them with a second import statement (so new again).
    const today = violations.slice(0, entries / 2);
    const grown = today[0] as (typeof today)[number];
    today[0] = { ...grown, locations: [...grown.locations, { line: 2, column: 1, specifier: "../db/client.js" }] };
    const match = matchBaseline(today, read, () => true);
    expect(match.fresh).toEqual([today[0]]);
    expect(match.known).toHaveLength(entries / 2 - 1);
    expect(match.stale).toHaveLength(entries / 2);
    expect(match.shrunk.violations).toHaveLength(entries / 2);
    expect(serializeBaseline(match.shrunk).length).toBeLessThan(text.length);
  });

  it(`sorts ${entries} entries given in reverse order`, () => {
    const entriesList = largeBaselineEntries(entries);
    const sorted = sortedBaseline([...entriesList].reverse());
    expect(sorted.violations[0]).toEqual(entriesList[0]);
    expect(sorted.violations.at(-1)).toEqual(entriesList.at(-1));
  });

  it(`finds a syntax error at the end of a ${entries}-entry baseline, by line and column`, () => {
    const text = serializeBaseline(sortedBaseline(largeBaselineEntries(entries)));
    const broken = text.replace(/\n {2}\]\n\}\n$/, ",\n  ]\n}\n");
    const lines = broken.split("\n").length - 1;
    expect(findJsonSyntaxError(broken)).toEqual({ line: lines - 1, column: 3, message: 'expected a value, found "]"' });
    expect(() => parseBaseline("layerlint-baseline.json", broken)).toThrow(BaselineError);
  });
}

describe(`reporters at ${DEFAULT_SIZE.warnings} warnings, ${DEFAULT_SIZE.violations} violations of one rule, ${DEFAULT_SIZE.baselineEntries} stale baseline entries`, () => {
  reportsAtSize(DEFAULT_SIZE);
});

describe(`the baseline at ${DEFAULT_SIZE.baselineEntries} entries`, () => {
  baselineAtSize(DEFAULT_SIZE.baselineEntries);
});

describe.runIf(SLOW)(
  `slow tier: reporters at ${SLOW_SIZE.warnings} warnings and ${SLOW_SIZE.baselineEntries} stale entries`,
  { timeout: SLOW_TIMEOUT },
  () => {
    reportsAtSize(SLOW_SIZE);
  },
);

describe.runIf(SLOW)(
  `slow tier: the baseline at ${SLOW_SIZE.baselineEntries} entries`,
  { timeout: SLOW_TIMEOUT },
  () => {
    baselineAtSize(SLOW_SIZE.baselineEntries);
  },
);
