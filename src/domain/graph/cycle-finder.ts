import type { GraphDependency, GraphModule } from "./module-graph.js";
import { componentsOf } from "./strongly-connected.js";

/** One import of a cycle: the module imported, and how. */
export interface CycleStep {
  readonly name: string;
  readonly dependencyTypes: readonly string[];
}

/** The loop an import closes, as the imported modules from `to` back to `from`; empty when it closes none. */
export type CycleFinder = (from: string, to: string) => readonly CycleStep[];

/**
 * Finds the same loop dependency-cruiser's `circular` rule names for an import (the depth-first search of
 * its IndexedModuleGraph#getCycle, step for step), so a loop reads the same in layerlint's report and in
 * raw dependency-cruiser's with the ejected configuration. The search only walks modules of the import's
 * strongly connected component: every other module is a dead end it would explore in full, for every import.
 */
export function createCycleFinder(modules: readonly GraphModule[]): CycleFinder {
  const component = componentsOf(modules);
  const dependenciesOf = new Map(modules.map((module) => [module.source, module.dependencies]));
  const inComponent = new Map<string, readonly GraphDependency[]>();
  const edgesInComponent = (source: string): readonly GraphDependency[] => {
    let edges = inComponent.get(source);
    if (edges === undefined) {
      edges = (dependenciesOf.get(source) ?? []).filter((edge) => component.get(edge.resolved) === component.get(source));
      inComponent.set(source, edges);
    }
    return edges;
  };
  return (from, to) => {
    const id = component.get(from);
    if (id === undefined || component.get(to) !== id) return [];
    // dependency-cruiser starts from the first import of `to`, whichever import of it is asked about.
    const first = dependenciesOf.get(from)?.find((edge) => edge.resolved === to);
    if (first === undefined) return [];
    return searchLoop(from, first, edgesInComponent);
  };
}

interface Frame {
  readonly edge: GraphDependency;
  readonly edges: readonly GraphDependency[];
  next: number;
}

/** A loop found, on its way back up the search: its steps deepest first, and the modules in it. */
interface Rising {
  readonly reversed: CycleStep[];
  readonly names: Set<string>;
}

/**
 * dependency-cruiser's recursive search, with an explicit stack so a loop through thousands of modules
 * cannot overflow the call stack: depth first in import order, one visited set for the whole search, and
 * a loop that comes back through the module it is offered to is refused there, the search going on.
 */
function searchLoop(initial: string, first: GraphDependency, edgesFrom: (source: string) => readonly GraphDependency[]): CycleStep[] {
  const visited = new Set<string>();
  const frames: Frame[] = [];
  const enter = (edge: GraphDependency): Rising | null => {
    const edges = edgesFrom(edge.resolved).filter((candidate) => !visited.has(candidate.resolved));
    const closing = edges.find((candidate) => candidate.resolved === initial);
    if (closing === undefined) {
      frames.push({ edge, edges, next: 0 });
      return null;
    }
    if (edge.resolved === initial) return { reversed: [stepOf(closing)], names: new Set([closing.resolved]) };
    return { reversed: [stepOf(closing), stepOf(edge)], names: new Set([closing.resolved, edge.resolved]) };
  };

  let rising = enter(first);
  for (;;) {
    if (rising !== null) {
      const parent = frames[frames.length - 1];
      if (parent === undefined) return rising.reversed.reverse();
      if (!rising.names.has(parent.edge.resolved)) {
        rising.reversed.push(stepOf(parent.edge));
        rising.names.add(parent.edge.resolved);
        frames.pop();
        continue;
      }
      rising = null;
    }
    const frame = frames[frames.length - 1];
    if (frame === undefined) return [];
    const edge = frame.edges[frame.next++];
    if (edge === undefined) {
      frames.pop();
      continue;
    }
    visited.add(edge.resolved);
    rising = enter(edge);
  }
}

function stepOf(edge: GraphDependency): CycleStep {
  return { name: edge.resolved, dependencyTypes: edge.dependencyTypes };
}
