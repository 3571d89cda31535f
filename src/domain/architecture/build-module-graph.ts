import { UsageError } from "../errors.js";
import { compilePathGlob, InvalidGlobError } from "../glob/compile-glob.js";
import { compareText } from "../violations/violation.js";
import { GRAPH_VERSION, type ArchitectureGraph, type ArchitectureNode } from "./architecture-graph.js";
import { sortEdges, tallyEdges } from "./edge-tally.js";
import { localDependencies, type GraphInput, type LocalDependency } from "./graph-input.js";

export interface ModuleGraphOptions {
  /** `module`: one node per file; `folder`: one node per folder of files. */
  readonly level: "module" | "folder";
  /** Keep only the modules this glob matches and their neighbourhood. */
  readonly focus?: string;
  /** How many dependency hops (either direction) around the focus to keep; default 1. */
  readonly depth?: number;
  /** Fold paths to their first N segments. */
  readonly collapse?: number;
}

/** Modules (or folders) as nodes, coloured by layer; a folded node mixing layers is split per layer. */
export function buildModuleGraph(input: GraphInput, options: ModuleGraphOptions): ArchitectureGraph {
  const layerNames = input.map.layers.map((layer) => layer.name);
  const dependencies = localDependencies(input);
  const kept = keptModules(
    input.modules.map((module) => module.source),
    dependencies,
    options,
  );

  const fold = (path: string) => foldPath(options.level === "folder" ? folderOf(path) : path, options.collapse);
  const groups = new Map<string, { path: string; layer: string | null; modules: number }>();
  const groupOf = new Map<string, string>();
  for (const path of kept) {
    const layer = input.classifier.layerOf(path);
    const folded = fold(path);
    const key = `${folded}\u0000${layer ?? ""}`;
    const group = groups.get(key) ?? { path: folded, layer, modules: 0 };
    group.modules += 1;
    groups.set(key, group);
    groupOf.set(path, key);
  }
  const layersPerPath = new Map<string, number>();
  for (const group of groups.values()) layersPerPath.set(group.path, (layersPerPath.get(group.path) ?? 0) + 1);
  const idOf = new Map(
    [...groups].map(([key, group]) => [
      key,
      (layersPerPath.get(group.path) ?? 0) > 1 ? `${group.path} [${group.layer ?? "unassigned"}]` : group.path,
    ]),
  );

  const layerRank = (layer: string | null) => (layer === null ? layerNames.length : layerNames.indexOf(layer));
  const nodes = [...groups]
    .map(([key, group]): ArchitectureNode => ({
      id: idOf.get(key) as string,
      layer: group.layer,
      modules: group.modules,
    }))
    .sort((a, b) => layerRank(a.layer) - layerRank(b.layer) || compareText(a.id, b.id));

  const edges = tallyEdges(
    dependencies
      .filter((dependency) => kept.has(dependency.from) && kept.has(dependency.to))
      .map((dependency) => ({
        ...dependency,
        from: idOf.get(groupOf.get(dependency.from) as string) as string,
        to: idOf.get(groupOf.get(dependency.to) as string) as string,
      })),
  );
  return {
    version: GRAPH_VERSION,
    level: options.level,
    name: input.map.name,
    layers: layerNames,
    nodes,
    edges: sortEdges(
      edges.values(),
      nodes.map((node) => node.id),
    ),
  };
}

/** Every module, or the focused ones and those within `depth` hops of them. */
function keptModules(
  modules: readonly string[],
  dependencies: readonly LocalDependency[],
  options: ModuleGraphOptions,
): Set<string> {
  if (options.focus === undefined) return new Set(modules);
  const focus = focusMatcher(options.focus);
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = neighbours.get(a) ?? [];
    list.push(b);
    neighbours.set(a, list);
  };
  for (const { from, to } of dependencies) {
    link(from, to);
    link(to, from);
  }
  const kept = new Set(modules.filter((module) => focus.test(module)));
  if (kept.size === 0) throw new UsageError(`--focus "${options.focus}" matches no checked module`);
  let frontier = [...kept];
  for (let hop = 0; hop < (options.depth ?? 1) && frontier.length > 0; hop += 1) {
    frontier = frontier.flatMap((module) => neighbours.get(module) ?? []).filter((module) => !kept.has(module));
    for (const module of frontier) kept.add(module);
  }
  return kept;
}

function focusMatcher(glob: string): RegExp {
  try {
    return new RegExp(compilePathGlob(glob));
  } catch (error) {
    if (error instanceof InvalidGlobError) throw new UsageError(`--focus: ${error.message}`);
    throw error;
  }
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "." : path.slice(0, slash);
}

/** `src/http/users/route.ts` folded to 2 is `src/http`; shorter paths stay as they are. */
function foldPath(path: string, levels: number | undefined): string {
  if (levels === undefined) return path;
  const segments = path.split("/");
  return segments.length > levels ? segments.slice(0, levels).join("/") : path;
}
