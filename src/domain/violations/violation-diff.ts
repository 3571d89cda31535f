import type { Violation } from "./violation.js";

export interface ViolationDiff {
  /** In the new run, not in the previous one, in report order. */
  readonly added: readonly Violation[];
  /** In the previous run, gone from the new one, in report order. */
  readonly fixed: readonly Violation[];
}

/** What changed between two runs, by violation id (so a moved line is no change). */
export function diffViolations(previous: readonly Violation[], current: readonly Violation[]): ViolationDiff {
  const before = new Set(previous.map((violation) => violation.id));
  const after = new Set(current.map((violation) => violation.id));
  return {
    added: current.filter((violation) => !before.has(violation.id)),
    fixed: previous.filter((violation) => !after.has(violation.id)),
  };
}
