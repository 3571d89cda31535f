import type { Violation } from "../violations/violation.js";
import { sortedBaseline, statementCount, type Baseline, type BaselineEntry } from "./baseline.js";

export interface BaselineMatch {
  /** Not in the baseline, or with more import statements than its entry's count. */
  readonly fresh: readonly Violation[];
  readonly known: readonly Violation[];
  /** Entries in scope whose violation no longer occurs. */
  readonly stale: readonly BaselineEntry[];
  /** The baseline without the stale entries and with counts lowered to today's: never larger. */
  readonly shrunk: Baseline;
}

/**
 * Sorts today's violations into new and known by id, and finds the stale entries. Entries of files
 * outside `inScope` (PATHS, --changed) were not looked at, so they are never stale and are kept as they are.
 */
export function matchBaseline(
  violations: readonly Violation[],
  baseline: Baseline,
  inScope: (file: string) => boolean,
): BaselineMatch {
  const byId = new Map(violations.map((violation) => [violation.id, violation]));
  const entries = new Map(baseline.violations.map((entry) => [entry.id, entry]));
  const fresh: Violation[] = [];
  const known: Violation[] = [];
  for (const violation of violations) {
    const entry = entries.get(violation.id);
    (entry !== undefined && statementCount(violation) <= entry.count ? known : fresh).push(violation);
  }
  const stale = baseline.violations.filter((entry) => !byId.has(entry.id) && inScope(entry.from));
  const staleIds = new Set(stale.map((entry) => entry.id));
  const kept = baseline.violations
    .filter((entry) => !staleIds.has(entry.id))
    .map((entry) => {
      const today = byId.get(entry.id);
      return today === undefined ? entry : { ...entry, count: Math.min(entry.count, statementCount(today)) };
    });
  return { fresh, known, stale, shrunk: sortedBaseline(kept) };
}
