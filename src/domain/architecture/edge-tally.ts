import type { ArchitectureEdge } from "./architecture-graph.js";
import { worseSeverity, type EdgeSeverity } from "./graph-input.js";

/** Counts dependencies into edges between nodes, dropping edges from a node to itself. */
export function tallyEdges(
  dependencies: Iterable<{ from: string; to: string; violation: boolean; severity: EdgeSeverity }>,
): Map<string, ArchitectureEdge> {
  const edges = new Map<string, ArchitectureEdge>();
  for (const { from, to, violation, severity } of dependencies) {
    if (from === to) continue;
    const key = edgeKey(from, to);
    const known = edges.get(key);
    edges.set(key, {
      from,
      to,
      imports: (known?.imports ?? 0) + 1,
      violation: (known?.violation ?? false) || violation,
      severity: worseSeverity(known?.severity ?? null, severity),
      unused: false,
    });
  }
  return edges;
}

export function edgeKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

/** Edges in the order of their nodes: by `from`, then by `to`. */
export function sortEdges(edges: Iterable<ArchitectureEdge>, nodeOrder: readonly string[]): ArchitectureEdge[] {
  const rank = new Map(nodeOrder.map((id, index) => [id, index]));
  const position = (id: string) => rank.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...edges].sort((a, b) => position(a.from) - position(b.from) || position(a.to) - position(b.to));
}
