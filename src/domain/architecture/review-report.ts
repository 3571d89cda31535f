import type { CheckSummary } from "../report/check-report.js";
import type { Violation } from "../violations/violation.js";
import { UNASSIGNED_NODE, type ArchitectureGraph } from "./architecture-graph.js";
import type { FoldedContextMatrix } from "./fold-context-matrix.js";

/** Everything `layerlint report` shows: one page an architecture review can be run from. */
export interface ReviewReport {
  readonly name: string | null;
  /** The commit checked out when the report was made; null outside git. */
  readonly commit: string | null;
  /** ISO 8601, UTC, whole seconds. */
  readonly date: string;
  readonly summary: CheckSummary;
  /**
   * What `check` would say of the same code: errors, warnings (warn-severity violations and check warnings), and
   * whether it passes.
   */
  readonly verdict: ReviewVerdict;
  /** The layer-level graph, unused allowed edges and packages included. */
  readonly graph: ArchitectureGraph;
  readonly layers: readonly LayerRow[];
  readonly groups: readonly ViolationGroup[];
  /** What a click in the diagram opens: the folders inside each layer, the imports behind each edge. */
  readonly drill: ReviewDrill;
  /** Contexts × layers, when the map declares contexts: each cell's modules and its cross-context imports. */
  readonly contextMatrix?: ReviewedMatrix;
}

export interface ReviewedMatrix {
  /** The largest CONTEXT_BUDGET contexts as their own columns, the others together. */
  readonly matrix: FoldedContextMatrix;
  /**
   * Per non-empty cell, in the matrix's order: the imports leaving it for another context and those entering it from
   * one.
   */
  readonly cells: readonly CellImports[];
}

export interface CellImports {
  readonly context: string;
  readonly layer: string;
  /** At most IMPORTS_LISTED, by importing file then line. */
  readonly imports: readonly ReviewedImport[];
  readonly more: number;
}

export interface ReviewDrill {
  /** Per layer drawn (and `(unassigned)`): the folder-level graph of its own modules. */
  readonly layers: readonly { readonly layer: string; readonly graph: ArchitectureGraph }[];
  /** Per layer → layer edge the code has (allowed or not), in the graph's order. */
  readonly edges: readonly EdgeImports[];
}

/** How many imports an edge lists; the rest are counted. */
export const IMPORTS_LISTED = 50;

export interface EdgeImports {
  readonly from: string;
  readonly to: string;
  /** At most IMPORTS_LISTED, by importing file then line. */
  readonly imports: readonly ReviewedImport[];
  /** How many more imports the edge has. */
  readonly more: number;
}

export interface ReviewedImport {
  readonly from: string;
  readonly to: string;
  readonly specifier: string;
  /** Where the import statement is; null when the source does not show it (e.g. seen through a barrel). */
  readonly line: number | null;
  readonly column: number | null;
  readonly excerpt: SourceExcerpt | null;
}

export interface ReviewVerdict {
  readonly errors: number;
  readonly warnings: number;
  /** `check` without gates (baseline, --max-warnings) exits 0: no error-severity violation. */
  readonly passes: boolean;
}

export interface LayerRow {
  /** A layer name, or `(unassigned)` for the files no layer claims. */
  readonly name: string;
  readonly description: string | null;
  readonly paths: readonly string[];
  readonly modules: number;
  readonly mayImport: readonly string[];
  /** Layers not allowed but tolerated at severity warn, with the map's reason. */
  readonly tolerated: readonly { readonly layer: string; readonly reason: string | null }[];
  /** The allow-list; null when any package is allowed. */
  readonly packagesAllowed: readonly string[] | null;
  readonly packagesUsed: readonly string[];
}

/**
 * The violations between one pair of layers (`to` is null for packages), of files no layer claims, or of one other kind
 * in a layer.
 */
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
