import type { CheckSummary } from "../report/check-report.js";
import type { Violation } from "../violations/violation.js";
import { UNASSIGNED_NODE, type ArchitectureGraph } from "./architecture-graph.js";

/** Everything `layerlint report` shows: one page an architecture review can be run from. */
export interface ReviewReport {
  readonly name: string | null;
  /** The commit checked out when the report was made; null outside git. */
  readonly commit: string | null;
  /** ISO 8601, UTC, whole seconds. */
  readonly date: string;
  readonly summary: CheckSummary;
  /** The layer-level graph, unused allowed edges and packages included. */
  readonly graph: ArchitectureGraph;
  readonly layers: readonly LayerRow[];
  readonly groups: readonly ViolationGroup[];
}

export interface LayerRow {
  /** A layer name, or `(unassigned)` for the files no layer claims. */
  readonly name: string;
  readonly description: string | null;
  readonly paths: readonly string[];
  readonly modules: number;
  readonly mayImport: readonly string[];
  /** The allow-list; null when any package is allowed. */
  readonly packagesAllowed: readonly string[] | null;
  readonly packagesUsed: readonly string[];
}

/** The violations between one pair of layers (`to` is null for packages), of files no layer claims, or of one other kind in a layer. */
export interface ViolationGroup {
  /** The importing layer; `(unassigned)` for files no layer claims. */
  readonly from: string;
  readonly to: string | null;
  readonly title: string;
  readonly violations: readonly ReviewedViolation[];
}

export interface ReviewedViolation {
  readonly violation: Violation;
  /** The lines around the first import statement; null for unassigned files. */
  readonly excerpt: SourceExcerpt | null;
}

export interface SourceExcerpt {
  /** The 1-based number of the first line shown. */
  readonly firstLine: number;
  readonly lines: readonly string[];
  /** The 1-based number of the line with the import. */
  readonly line: number;
}

export const EXCERPT_CONTEXT = 2;

/** The lines around `line`: EXCERPT_CONTEXT before and after, within the file. */
export function excerptOf(text: string, line: number): SourceExcerpt {
  const lines = text.replace(/\r?\n$/, "").split(/\r?\n/);
  const first = Math.max(1, line - EXCERPT_CONTEXT);
  const last = Math.min(lines.length, line + EXCERPT_CONTEXT);
  return { firstLine: first, lines: lines.slice(first - 1, last), line };
}

/** Groups in the check's own order: by kind, then by the first violation of each pair. */
export function groupViolations(violations: readonly ReviewedViolation[]): ViolationGroup[] {
  const groups = new Map<string, { from: string; to: string | null; title: string; violations: ReviewedViolation[] }>();
  for (const reviewed of violations) {
    const { kind, fromLayer, toLayer } = reviewed.violation;
    const from = fromLayer ?? UNASSIGNED_NODE;
    const to = kind === "layer" || kind === "private" ? toLayer : null;
    const title =
      kind === "layer"
        ? `${from} → ${to}`
        : kind === "private"
          ? `${from} → ${to} internals`
          : kind === "package"
            ? `${from} → packages`
            : kind === "unassigned"
              ? "files no layer claims"
              : `${from}: ${kind}`;
    const key = `${kind}\u0000${from}\u0000${to ?? ""}`;
    const group = groups.get(key) ?? { from, to, title, violations: [] };
    group.violations.push(reviewed);
    groups.set(key, group);
  }
  return [...groups.values()];
}
