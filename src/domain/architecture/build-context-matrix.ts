import type { ContextClassifier } from "../classify/context-classifier.js";
import { compareText } from "../violations/violation.js";
import { NO_CONTEXT_NODE, SHARED_KERNEL_NODE } from "./build-context-graph.js";
import { UNASSIGNED_NODE } from "./architecture-graph.js";
import { localDependencies, worseSeverity, type EdgeSeverity, type GraphInput } from "./graph-input.js";

/**
 * Contexts × layers: one cell per context and layer holding modules, the imports that cross from one context's cell to
 * another's.
 */
export interface ContextMatrix {
  /** Columns: contexts sorted, then the shared kernel and the files in no context when they hold modules. */
  readonly contexts: readonly string[];
  /** Rows: the map's layers in map order, then the unassigned row when files no layer claims are checked. */
  readonly layers: readonly string[];
  /** Only the non-empty cells, by row then column. */
  readonly cells: readonly MatrixCell[];
  /** Cross-context dependencies between cells, by from cell then to cell. */
  readonly edges: readonly MatrixEdge[];
}

export interface MatrixCell {
  readonly context: string;
  readonly layer: string;
  /** The cell's modules, sorted. */
  readonly modules: readonly string[];
}

export interface MatrixCellRef {
  readonly context: string;
  readonly layer: string;
}

export interface MatrixEdge {
  readonly from: MatrixCellRef;
  readonly to: MatrixCellRef;
  /** File-to-file dependencies behind the edge. */
  readonly imports: number;
  /** The worst context-rule severity among them; null when none breaks a context rule. */
  readonly severity: EdgeSeverity;
}

export function buildContextMatrix(input: GraphInput, contexts: ContextClassifier): ContextMatrix {
  const contextOf = (path: string): string =>
    contexts.contextOf(path) ?? (contexts.isShared(path) ? SHARED_KERNEL_NODE : NO_CONTEXT_NODE);
  const layerOf = (path: string): string => input.classifier.layerOf(path) ?? UNASSIGNED_NODE;
  const cellModules = new Map<string, { context: string; layer: string; modules: string[] }>();
  for (const module of input.modules) {
    const context = contextOf(module.source);
    const layer = layerOf(module.source);
    const key = keyOf(context, layer);
    const cell = cellModules.get(key) ?? { context, layer, modules: [] };
    cell.modules.push(module.source);
    cellModules.set(key, cell);
  }
  const present = new Set([...cellModules.values()].map((cell) => cell.context));
  const columns = [...present].filter((id) => id !== SHARED_KERNEL_NODE && id !== NO_CONTEXT_NODE).sort(compareText);
  for (const special of [SHARED_KERNEL_NODE, NO_CONTEXT_NODE]) if (present.has(special)) columns.push(special);
  const rows = input.map.layers.map((layer) => layer.name);
  if ([...cellModules.values()].some((cell) => cell.layer === UNASSIGNED_NODE)) rows.push(UNASSIGNED_NODE);
  const order = (ref: MatrixCellRef): number => rows.indexOf(ref.layer) * columns.length + columns.indexOf(ref.context);
  const cells = [...cellModules.values()]
    .map((cell) => ({ ...cell, modules: [...cell.modules].sort(compareText) }))
    .sort((a, b) => order(a) - order(b));

  const edges = new Map<string, { from: MatrixCellRef; to: MatrixCellRef; imports: number; severity: EdgeSeverity }>();
  const counted = new Set<string>();
  for (const dependency of localDependencies(input, "context")) {
    const from = { context: contextOf(dependency.from), layer: layerOf(dependency.from) };
    const to = { context: contextOf(dependency.to), layer: layerOf(dependency.to) };
    if (from.context === to.context || counted.has(`${dependency.from}\u0000${dependency.to}`)) continue;
    counted.add(`${dependency.from}\u0000${dependency.to}`);
    const key = `${keyOf(from.context, from.layer)}\u0001${keyOf(to.context, to.layer)}`;
    const edge = edges.get(key) ?? { from, to, imports: 0, severity: null };
    edge.imports += 1;
    edge.severity = worseSeverity(edge.severity, dependency.severity);
    edges.set(key, edge);
  }
  const sortedEdges = [...edges.values()].sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to));
  return { contexts: columns, layers: rows, cells, edges: sortedEdges };
}

function keyOf(context: string, layer: string): string {
  return `${context}\u0000${layer}`;
}
