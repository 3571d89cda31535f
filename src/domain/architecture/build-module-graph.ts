import { compilePathGlob, InvalidGlobError } from "../glob/compile-glob.js";
import { compareText } from "../violations/violation.js";
import { GRAPH_VERSION, type ArchitectureGraph, type ArchitectureNode } from "./architecture-graph.js";
import { sortEdges, tallyEdges } from "./edge-tally.js";
import { FocusError } from "./focus-problem.js";
import { localDependencies, type GraphInput, type LocalDependency } from "./graph-input.js";
import { defined } from "../collections/defined.js";

/** How many nodes a folder graph may have before it folds itself: what fits a screen. */
export const NODE_BUDGET = 40;

export interface ModuleGraphOptions {
  /** `module`: one node per file; `folder`: one node per folder of files. */
  readonly level: "module" | "folder";
  /** Keep only the modules this glob matches and their neighbourhood. */
  readonly focus?: string;
  /** How many dependency hops (either direction) around the focus to keep; default 1. */
  readonly depth?: number;
  /** Fold paths to their first N segments; absent at folder level: the deepest folding within NODE_BUDGET nodes. */
  readonly collapse?: number;
}

/** Modules (or folders) as nodes, coloured by layer; a folded node mixing layers is split per layer. */
export function buildModuleGraph(input: GraphInput, options: ModuleGraphOptions): ArchitectureGraph {
  const layerNames = input.map.layers.map((layer) => layer.name);
  const all = localDependencies(input);
  const distances = distancesFromFocus(
    input.modules.map((module) => module.source),
    all,
    options,
  );
  const kept = new Set(distances.keys());
  const dependencies = all.filter((dependency) => drawnAroundFocus(dependency, distances, options.focus));

  const base = (path: string) => (options.level === "folder" ? folderOf(path) : path);
  const collapse =
    options.collapse ??
    (options.level === "folder" && options.focus === undefined
      ? collapseWithinBudget([...kept].map((path) => [base(path), input.classifier.layerOf(path)] as const))
      : undefined);
  const fold = (path: string) => foldPath(base(path), collapse);
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

  const idOfGroup = (key: string) => defined(idOf.get(key), "the id of a group");
  const idOfModule = (path: string) => idOfGroup(defined(groupOf.get(path), "the group of a drawn module"));
  const layerRank = (layer: string | null) => (layer === null ? layerNames.length : layerNames.indexOf(layer));
  const nodes = [...groups]
    .map(([key, group]): ArchitectureNode => ({
      id: idOfGroup(key),
      layer: group.layer,
      modules: group.modules,
    }))
    .sort((a, b) => layerRank(a.layer) - layerRank(b.layer) || compareText(a.id, b.id));

  const edges = tallyEdges(
    dependencies.map((dependency) => ({
      ...dependency,
      from: idOfModule(dependency.from),
      to: idOfModule(dependency.to),
    })),
  );
  return {
    version: GRAPH_VERSION,
    level: options.level,
    name: input.map.name,
    ...(collapse === undefined ? {} : { collapse }),
    layers: layerNames,
    nodes,
    edges: sortEdges(
      edges.values(),
      nodes.map((node) => node.id),
    ),
  };
}

/** Every module (distance 0), or the focused ones (0) and those within `depth` hops of them, by distance. */
function distancesFromFocus(
  modules: readonly string[],
  dependencies: readonly LocalDependency[],
  options: ModuleGraphOptions,
): Map<string, number> {
  if (options.focus === undefined) return new Map(modules.map((module) => [module, 0]));
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
  const distances = new Map(modules.filter((module) => focus.test(module)).map((module) => [module, 0]));
  if (distances.size === 0) throw new FocusError({ kind: "matches-nothing", glob: options.focus });
  let frontier = [...distances.keys()];
  for (let hop = 1; hop <= (options.depth ?? 1) && frontier.length > 0; hop += 1) {
    const next: string[] = [];
    for (const module of frontier)
      for (const neighbour of neighbours.get(module) ?? [])
        if (!distances.has(neighbour)) {
          distances.set(neighbour, hop);
          next.push(neighbour);
        }
    frontier = next;
  }
  return distances;
}

/**
 * Without a focus every dependency is drawn; with one, only those touching the focus or leading one hop further out.
 */
function drawnAroundFocus(
  dependency: LocalDependency,
  distances: ReadonlyMap<string, number>,
  focus: string | undefined,
): boolean {
  const from = distances.get(dependency.from);
  const to = distances.get(dependency.to);
  if (from === undefined || to === undefined) return false;
  return focus === undefined || from === 0 || to === 0 || Math.abs(from - to) === 1;
}

/**
 * The deepest folding whose nodes (one per folded folder and layer) fit NODE_BUDGET; 1 when none does; undefined when
 * unfolded fits.
 */
function collapseWithinBudget(folders: readonly (readonly [string, string | null])[]): number | undefined {
  const count = (levels: number | undefined) =>
    new Set(folders.map(([folder, layer]) => `${foldPath(folder, levels)}\u0000${layer ?? ""}`)).size;
  if (count(undefined) <= NODE_BUDGET) return undefined;
  const deepest = folders.reduce((most, [folder]) => Math.max(most, folder.split("/").length), 1);
  for (let levels = deepest - 1; levels > 1; levels -= 1) if (count(levels) <= NODE_BUDGET) return levels;
  return 1;
}

function focusMatcher(glob: string): RegExp {
  try {
    return new RegExp(compilePathGlob(glob));
  } catch (error) {
    if (error instanceof InvalidGlobError) throw new FocusError({ kind: "invalid-glob", glob, reason: error.message });
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
