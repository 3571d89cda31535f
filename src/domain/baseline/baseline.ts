import { compareText, compareViolations, type Violation } from "../violations/violation.js";

export const BASELINE_VERSION = 1;

/** One known violation, exactly as it was recorded: never a wildcard. */
export interface BaselineEntry {
  /** The violation's id: stable across line moves and reformatting, derived from kind, from and to. */
  readonly id: string;
  readonly kind: string;
  readonly from: string;
  readonly to: string | null;
  /** How many import statements the violation had when recorded (1 for an unassigned file). */
  readonly count: number;
}

/** The `layerlint-baseline.json` file: known violations, sorted by kind, from, to. */
export interface Baseline {
  readonly version: typeof BASELINE_VERSION;
  readonly violations: readonly BaselineEntry[];
}

/** The import statements behind a violation, the unit a baseline entry's count is kept in. */
export function statementCount(violation: Violation): number {
  return Math.max(1, violation.locations.length);
}

export function createBaseline(violations: readonly Violation[]): Baseline {
  return sortedBaseline(
    violations.map((violation) => ({
      id: violation.id,
      kind: violation.kind,
      from: violation.from,
      to: violation.to,
      count: statementCount(violation),
    })),
  );
}

export function sortedBaseline(entries: readonly BaselineEntry[]): Baseline {
  return { version: BASELINE_VERSION, violations: [...entries].sort(compareEntries) };
}

/** One entry per line, keys in a fixed order, so a shrinking baseline makes a readable diff. */
export function serializeBaseline(baseline: Baseline): string {
  const entries = baseline.violations.map(
    (entry) =>
      `    ${JSON.stringify({ id: entry.id, kind: entry.kind, from: entry.from, to: entry.to, count: entry.count })}`,
  );
  const list = entries.length === 0 ? "[]" : `[\n${entries.join(",\n")}\n  ]`;
  return `{\n  "version": ${baseline.version},\n  "violations": ${list}\n}\n`;
}

/** The report's order (kind, from, to); ids are unique, so the order is total. */
function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return compareViolations(asSortKey(a), asSortKey(b)) || compareText(a.kind, b.kind);
}

function asSortKey(entry: BaselineEntry): Pick<Violation, "kind" | "from" | "to"> {
  return { kind: entry.kind as Violation["kind"], from: entry.from, to: entry.to };
}
