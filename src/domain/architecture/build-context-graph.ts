import type { ContextClassifier } from "../classify/context-classifier.js";
import { compareText } from "../violations/violation.js";
import { GRAPH_VERSION, type ArchitectureGraph, type ArchitectureNode } from "./architecture-graph.js";
import { sortEdges, tallyEdges } from "./edge-tally.js";
import { localDependencies, type GraphInput } from "./graph-input.js";

/** The node ids of files in no context. */
export const SHARED_KERNEL_NODE = "(shared kernel)";
export const NO_CONTEXT_NODE = "(no context)";

/**
 * One node per context (then the shared kernel and the files in no context, when they hold files), one edge per
 * observed context → context dependency.
 */
export function buildContextGraph(input: GraphInput, contexts: ContextClassifier): ArchitectureGraph {
  const nodeOf = (path: string): string =>
    contexts.contextOf(path) ?? (contexts.isShared(path) ? SHARED_KERNEL_NODE : NO_CONTEXT_NODE);
  const modulesPerNode = new Map<string, number>();
  for (const module of input.modules) {
    const node = nodeOf(module.source);
    modulesPerNode.set(node, (modulesPerNode.get(node) ?? 0) + 1);
  }
  const ids = [...modulesPerNode.keys()]
    .filter((id) => id !== SHARED_KERNEL_NODE && id !== NO_CONTEXT_NODE)
    .sort(compareText);
  for (const special of [SHARED_KERNEL_NODE, NO_CONTEXT_NODE]) if (modulesPerNode.has(special)) ids.push(special);
  const nodes = ids.map((id): ArchitectureNode => ({ id, layer: null, modules: modulesPerNode.get(id) ?? 0 }));
  const edges = tallyEdges(
    localDependencies(input, "context").map((dependency) => ({
      ...dependency,
      from: nodeOf(dependency.from),
      to: nodeOf(dependency.to),
    })),
  );
  return {
    version: GRAPH_VERSION,
    level: "context",
    name: input.map.name,
    layers: input.map.layers.map((layer) => layer.name),
    nodes,
    edges: sortEdges(edges.values(), ids),
  };
}
