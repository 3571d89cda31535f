import type { CheckReport } from "../report/check-report.js";
import type { Severity, Violation } from "../violations/violation.js";

/** One finding of a check as an editor shows it: on a file, at an import statement or the first line. */
export interface EditorDiagnostic {
  /**
   * Relative to the map's folder; null for a finding about the map itself (a stale exception, a layer matching
   * nothing).
   */
  readonly file: string | null;
  /** 1-based, the import statement's start (or 1:1 for a finding about the whole file). */
  readonly line: number;
  readonly column: number;
  /** The import as written, when the finding is about one: the editor underlines it. */
  readonly specifier: string | null;
  readonly severity: Severity;
  /** The rule broken, or the warning's code. */
  readonly code: string;
  readonly message: string;
  /** The README section that explains the code. */
  readonly anchor: string;
  /** The violation's id (`check --format json`), for explaining it; null for a warning. */
  readonly violationId: string | null;
}

export const VIOLATIONS_ANCHOR = "what-is-a-violation";
export const CONFIGURATION_ERRORS_ANCHOR = "configuration-errors";

/**
 * Every violation and warning of a check report, one diagnostic per import statement behind a
 * violation (so each one is underlined), in the report's order: what the editor shows is what `check`
 * found, by construction. With `memo`, a violation seen before keeps its diagnostics (the same objects).
 */
export function editorDiagnostics(
  report: CheckReport,
  memo: WeakMap<Violation, readonly EditorDiagnostic[]> = new WeakMap(),
): EditorDiagnostic[] {
  const diagnostics: EditorDiagnostic[] = [];
  for (const violation of report.violations) {
    const remembered = memo.get(violation);
    if (remembered !== undefined) {
      diagnostics.push(...remembered);
      continue;
    }
    const start = diagnostics.length;
    const base = {
      file: violation.from,
      severity: violation.severity,
      code: violation.rule,
      message: `${violation.message}\nfix: ${violation.fix}`,
      anchor: VIOLATIONS_ANCHOR,
      violationId: violation.id,
    };
    if (violation.locations.length === 0) {
      diagnostics.push({
        ...base,
        line: violation.line ?? 1,
        column: violation.column ?? 1,
        specifier: violation.line === null ? null : violation.specifier,
      });
    } else
      for (const location of violation.locations)
        diagnostics.push({ ...base, line: location.line, column: location.column, specifier: location.specifier });
    memo.set(violation, diagnostics.slice(start));
  }
  for (const warning of report.warnings) {
    diagnostics.push({
      file: warning.file ?? null,
      line: 1,
      column: 1,
      specifier: null,
      severity: "warn",
      code: warning.code,
      message: warning.message,
      anchor: VIOLATIONS_ANCHOR,
      violationId: null,
    });
  }
  return diagnostics;
}
