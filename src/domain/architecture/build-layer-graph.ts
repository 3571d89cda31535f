import { packageUsedBy } from "../packages/package-name.js";
import { compareText } from "../violations/violation.js";
import {
  GRAPH_VERSION,
  UNASSIGNED_NODE,
  type ArchitectureEdge,
  type ArchitectureGraph,
  type ArchitectureNode,
} from "./architecture-graph.js";
import { edgeKey, sortEdges, tallyEdges } from "./edge-tally.js";
import { localDependencies, type GraphInput } from "./graph-input.js";

export interface LayerGraphOptions {
  /** Add the allowed layer → layer edges the code never uses. */
  readonly showUnused: boolean;
  /** List the packages each layer's modules import. */
  readonly packages: boolean;
}

/**
 * One node per layer (and one for unclaimed files, when there are any), one edge per observed layer → layer dependency.
 */
export function buildLayerGraph(input: GraphInput, options: LayerGraphOptions): ArchitectureGraph {
  const layerOf = (path: string) => input.classifier.layerOf(path) ?? UNASSIGNED_NODE;
  const modulesPerNode = new Map<string, number>();
  const packagesPerNode = new Map<string, Set<string>>();
  for (const module of input.modules) {
    const node = layerOf(module.source);
    modulesPerNode.set(node, (modulesPerNode.get(node) ?? 0) + 1);
    const packages = packagesPerNode.get(node) ?? new Set<string>();
    for (const dependency of module.dependencies) {
      const used = packageUsedBy(dependency);
      if (used !== null) packages.add(used);
    }
    packagesPerNode.set(node, packages);
  }

  const ids = input.map.layers.map((layer) => layer.name);
  if (modulesPerNode.has(UNASSIGNED_NODE)) ids.push(UNASSIGNED_NODE);
  const nodes = ids.map((id): ArchitectureNode => {
    const node = { id, layer: id === UNASSIGNED_NODE ? null : id, modules: modulesPerNode.get(id) ?? 0 };
    return options.packages ? { ...node, packages: [...(packagesPerNode.get(id) ?? [])].sort(compareText) } : node;
  });

  const edges = tallyEdges(
    localDependencies(input).map((dependency) => ({
      ...dependency,
      from: layerOf(dependency.from),
      to: layerOf(dependency.to),
    })),
  );
  if (options.showUnused) {
    for (const layer of input.map.layers) {
      for (const target of layer.mayImport) {
        const key = edgeKey(layer.name, target);
        if (!edges.has(key))
          edges.set(key, {
            from: layer.name,
            to: target,
            imports: 0,
            violation: false,
            severity: null,
            unused: true,
          } satisfies ArchitectureEdge);
      }
    }
  }
  return {
    version: GRAPH_VERSION,
    level: "layer",
    name: input.map.name,
    layers: input.map.layers.map((layer) => layer.name),
    nodes,
    edges: sortEdges(edges.values(), ids),
  };
}
