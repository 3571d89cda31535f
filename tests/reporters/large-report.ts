import type { BaselineEntry } from "../../src/domain/baseline/baseline.js";
import type { CheckReport, CheckWarning } from "../../src/domain/report/check-report.js";
import type { Violation } from "../../src/domain/violations/violation.js";
import { named, said } from "../../src/domain/message-words.js";

/** The sizes a large monorepo's run reaches: built in memory, never by a cruise. */
export interface ReportSize {
  readonly warnings: number;
  /** All under one rule: the grouping by rule must not copy its group per violation. */
  readonly violations: number;
  readonly baselineEntries: number;
}

export function largeWarnings(count: number): CheckWarning[] {
  const warnings: CheckWarning[] = [];
  for (let index = 0; index < count; index += 1) {
    const file = `src/generated/part-${Math.floor(index / 1000)}/file-${index}.ts`;
    warnings.push({
      code: "unresolved-import",
      file,
      ...said`${named(file)}:1:1 imports "./missing-${index}", which does not resolve`,
    });
  }
  return warnings;
}

export function largeViolations(count: number): Violation[] {
  const violations: Violation[] = [];
  for (let index = 0; index < count; index += 1) {
    const from = `src/domain/file-${String(index).padStart(7, "0")}.ts`;
    violations.push({
      id: `layer-${index.toString(16).padStart(12, "0")}`,
      kind: "layer",
      severity: "error",
      rule: "layer/domain->db",
      from,
      to: "src/db/client.ts",
      fromLayer: "domain",
      toLayer: "db",
      fromContext: null,
      toContext: null,
      specifier: "../db/client.js",
      line: 1,
      column: 1,
      locations: [{ line: 1, column: 1, specifier: "../db/client.js" }],
      dependencyTypes: ["local"],
      ...said`domain may not import db: ${named(from)} imports ${named("src/db/client.ts")}`,
      fix: "move the import behind a port",
    });
  }
  return violations;
}

/** Entries in the order a baseline file keeps them (kind, from, to). */
export function largeBaselineEntries(count: number): BaselineEntry[] {
  const entries: BaselineEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    const from = `src/domain/file-${String(index).padStart(7, "0")}.ts`;
    entries.push({
      id: `layer-${index.toString(16).padStart(12, "0")}`,
      kind: "layer",
      from,
      to: "src/db/client.ts",
      count: 1,
    });
  }
  return entries;
}

/** A report with every list at its size; the baseline's entries are all stale, so every format lists them. */
export function largeReport(size: ReportSize): CheckReport {
  const violations = largeViolations(size.violations);
  return {
    version: 1,
    summary: {
      modules: size.violations + size.warnings,
      dependencies: size.violations,
      unresolved: size.warnings,
      excluded: 0,
      parseErrors: 0,
      skipped: 0,
      violations: { layer: violations.length, package: 0, private: 0, context: 0, unassigned: 0, cycle: 0, size: 0 },
      baseline: {
        new: violations.length,
        known: 0,
        stale: largeBaselineEntries(size.baselineEntries),
        staleAction: "error",
      },
      failures: [{ code: "stale-baseline", message: `${size.baselineEntries} baseline entries no longer occur` }],
    },
    violations,
    warnings: largeWarnings(size.warnings),
  };
}
