import type { ViolationKind } from "../compile/rule-set.js";
import type { MessageWords } from "../message-words.js";

export type { ViolationKind };
export type Severity = "error" | "warn";

export interface ImportLocation {
  readonly line: number;
  readonly column: number;
  readonly specifier: string;
}

/** One broken rule for one (kind, from, to); every import statement behind it is in `locations`. */
export interface Violation {
  readonly id: string;
  readonly kind: ViolationKind;
  readonly severity: Severity;
  readonly rule: string;
  readonly from: string;
  /** A path for local files, the package name for packages, null for unassigned files. */
  readonly to: string | null;
  readonly fromLayer: string | null;
  readonly toLayer: string | null;
  /** The context of `from`; null when the map declares no contexts, or `from` is in none (shared kernel, outside). */
  readonly fromContext: string | null;
  /** The context of `to` (a local file); null as for fromContext, and for packages and files without a `to`. */
  readonly toContext: string | null;
  readonly specifier: string | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly locations: readonly ImportLocation[];
  readonly dependencyTypes: readonly string[];
  /** One sentence: what is wrong. */
  readonly message: string;
  /** The message's words with the files it names kept apart (not in the JSON report): a rebased report rebuilds it. */
  readonly messageWords: MessageWords;
  /** One sentence: what to do about it. */
  readonly fix: string;
  /** Kind `cycle` only: the loop, starting and ending at `from` (`from`, `to`, …, `from`). */
  readonly cycle?: readonly string[];
  /** Kind `layer` seen through barrels (`--through-barrels`): the barrels between `from` and `to`, in order. */
  readonly via?: readonly string[];
}

export const VIOLATION_KINDS: readonly ViolationKind[] = [
  "layer",
  "package",
  "private",
  "context",
  "unassigned",
  "cycle",
  "size",
];

type SortKey = Pick<Violation, "kind" | "from" | "to">;

export function compareViolations(a: SortKey, b: SortKey): number {
  return (
    VIOLATION_KINDS.indexOf(a.kind) - VIOLATION_KINDS.indexOf(b.kind) ||
    compareText(a.from, b.from) ||
    compareText(a.to ?? "", b.to ?? "")
  );
}

/** Code-unit order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
