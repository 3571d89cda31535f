import type { ArchitectureGraph } from "../domain/architecture/architecture-graph.js";
import { plural } from "../domain/plural.js";

/** Mermaid's defaults, which GitHub keeps: beyond them it shows an error instead of the diagram. */
export const MERMAID_MAX_EDGES = 500;
export const MERMAID_MAX_TEXT_SIZE = 50_000;

/** What makes the diagram too big for Mermaid ("612 edges", "71,204 characters"), or null when it fits. */
export function mermaidLimitExceeded(text: string, graph: ArchitectureGraph): string | null {
  if (graph.edges.length > MERMAID_MAX_EDGES)
    return `${plural(graph.edges.length, "edge")} (at most ${MERMAID_MAX_EDGES})`;
  if (text.length > MERMAID_MAX_TEXT_SIZE) return `${text.length} characters (at most ${MERMAID_MAX_TEXT_SIZE})`;
  return null;
}
