import { compareText } from "../violations/violation.js";
import { NO_CONTEXT_NODE, SHARED_KERNEL_NODE } from "./build-context-graph.js";
import type { ContextMatrix, MatrixCell, MatrixCellRef, MatrixEdge } from "./build-context-matrix.js";
import { worseSeverity } from "./graph-input.js";

/** How many contexts a matrix draws as columns of their own before folding the rest into one: what fits a screen. */
export const CONTEXT_BUDGET = 8;

/** The column the contexts beyond the budget are folded into. */
export const OTHER_CONTEXTS_COLUMN = "(other contexts)";

/** A matrix whose smaller contexts may share one column. */
export interface FoldedContextMatrix extends ContextMatrix {
  /** The contexts drawn in the `(other contexts)` column, sorted; empty when every context has its own. */
  readonly folded: readonly string[];
}

/**
 * Keeps the `budget` contexts with the most modules (ties by name) as their own columns, in their order, and
 * folds the others into `(other contexts)`, placed before the shared kernel: cells add up their modules, edges
 * their imports (the worst severity wins); an edge between two folded contexts' cells of one layer disappears.
 */
export function foldContextMatrix(matrix: ContextMatrix, budget: number): FoldedContextMatrix {
  const special = new Set(SPECIAL_COLUMNS);
  const contexts = ownContexts(matrix);
  if (contexts.length <= budget) return { ...matrix, folded: [] };
  const size = new Map<string, number>();
  for (const cell of matrix.cells) size.set(cell.context, (size.get(cell.context) ?? 0) + cell.modules.length);
  const kept = new Set(
    [...contexts]
      .sort((a, b) => (size.get(b) ?? 0) - (size.get(a) ?? 0) || compareText(a, b))
      .slice(0, Math.max(1, budget)),
  );
  const folded = contexts.filter((context) => !kept.has(context)).sort(compareText);
  const columnOf = (context: string) => (kept.has(context) || special.has(context) ? context : OTHER_CONTEXTS_COLUMN);
  const columns = [
    ...contexts.filter((context) => kept.has(context)),
    OTHER_CONTEXTS_COLUMN,
    ...matrix.contexts.filter((context) => special.has(context)),
  ];
  const order = (ref: MatrixCellRef) =>
    matrix.layers.indexOf(ref.layer) * columns.length + columns.indexOf(ref.context);

  const cells = new Map<string, MatrixCell & { modules: string[] }>();
  for (const cell of matrix.cells) {
    const context = columnOf(cell.context);
    const key = keyOf({ context, layer: cell.layer });
    const merged = cells.get(key) ?? { context, layer: cell.layer, modules: [] };
    merged.modules.push(...cell.modules);
    cells.set(key, merged);
  }
  const edges = new Map<string, { from: MatrixCellRef; to: MatrixCellRef } & Omit<MatrixEdge, "from" | "to">>();
  for (const edge of matrix.edges) {
    const from = { context: columnOf(edge.from.context), layer: edge.from.layer };
    const to = { context: columnOf(edge.to.context), layer: edge.to.layer };
    if (keyOf(from) === keyOf(to)) continue;
    const key = `${keyOf(from)}\u0001${keyOf(to)}`;
    const merged = edges.get(key);
    edges.set(
      key,
      merged === undefined
        ? { from, to, imports: edge.imports, severity: edge.severity }
        : {
            ...merged,
            imports: merged.imports + edge.imports,
            severity: worseSeverity(merged.severity, edge.severity),
          },
    );
  }
  return {
    contexts: columns,
    layers: matrix.layers,
    cells: [...cells.values()]
      .map((cell) => ({ ...cell, modules: [...cell.modules].sort(compareText) }))
      .sort((a, b) => order(a) - order(b)),
    edges: [...edges.values()].sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to)),
    folded,
  };
}

const SPECIAL_COLUMNS = [SHARED_KERNEL_NODE, NO_CONTEXT_NODE, OTHER_CONTEXTS_COLUMN];

/**
 * The matrix's columns that are contexts of the map: not the shared kernel, the files in no context or the folded ones.
 */
export function ownContexts(matrix: ContextMatrix): string[] {
  return matrix.contexts.filter((context) => !SPECIAL_COLUMNS.includes(context));
}

function keyOf(ref: MatrixCellRef): string {
  return `${ref.context}\u0000${ref.layer}`;
}
