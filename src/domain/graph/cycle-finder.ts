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
  const indexOf = new Map(modules.map((module, index) => [module.source, index]));
  const edges: readonly Edge[][] = modules.map((module) =>
    module.dependencies.flatMap((dependency) => {
      const target = indexOf.get(dependency.resolved);
      return target !== undefined && component.get(dependency.resolved) === component.get(module.source)
        ? [{ target, dependency }]
        : [];
    }),
  );
  const search = createSearch(edges);
  return (from, to) => {
    const initial = indexOf.get(from);
    if (initial === undefined || component.get(from) !== component.get(to)) return [];
    // dependency-cruiser starts from the first import of `to`, whichever import of it is asked about.
    const first = edges[initial]?.find((edge) => edge.dependency.resolved === to);
    return first === undefined ? [] : search(initial, first);
  };
}

/** An import between two modules of one strongly connected component, by the imported module's index. */
interface Edge {
  readonly target: number;
  readonly dependency: GraphDependency;
}

interface Frame {
  readonly edge: Edge;
  /** The search's clock when the frame was opened: it walks the edges whose targets were unvisited then. */
  readonly openedAt: number;
  next: number;
}

/** A loop found, on its way back up the search: its steps deepest first, and the modules in it. */
interface Rising {
  readonly reversed: CycleStep[];
  readonly members: Set<number>;
}

/**
 * dependency-cruiser's recursive search, with an explicit stack so a loop through thousands of modules
 * cannot overflow the call stack: depth first in import order, one visited set for the whole search (each
 * frame walks the edges unvisited when it opened, as dependency-cruiser filters them then), and a loop that
 * comes back through the module it is offered to is refused there, the search going on. Visits are stamped
 * with a clock instead of copying edge lists, which keeps a search through a big component cheap.
 */
function createSearch(edges: readonly Edge[][]): (initial: number, first: Edge) => CycleStep[] {
  const visitedIn = new Int32Array(edges.length).fill(-1);
  const visitedAt = new Int32Array(edges.length);
  let searches = 0;

  return (initial, first) => {
    const search = searches++;
    let clock = 0;
    const unvisitedWhen = (target: number, openedAt: number) =>
      visitedIn[target] !== search || (visitedAt[target] as number) >= openedAt;
    const frames: Frame[] = [];
    const enter = (edge: Edge): Rising | null => {
      const closing = edges[edge.target]?.find((candidate) => candidate.target === initial);
      if (closing === undefined) {
        frames.push({ edge, openedAt: clock, next: 0 });
        return null;
      }
      if (edge.target === initial) return { reversed: [stepOf(closing)], members: new Set([closing.target]) };
      return { reversed: [stepOf(closing), stepOf(edge)], members: new Set([closing.target, edge.target]) };
    };

    let rising = enter(first);
    for (;;) {
      if (rising !== null) {
        const parent = frames[frames.length - 1];
        if (parent === undefined) return rising.reversed.reverse();
        if (!rising.members.has(parent.edge.target)) {
          rising.reversed.push(stepOf(parent.edge));
          rising.members.add(parent.edge.target);
          frames.pop();
          continue;
        }
        rising = null;
      }
      const frame = frames[frames.length - 1];
      if (frame === undefined) return [];
      const candidates = edges[frame.edge.target] as readonly Edge[];
      while (frame.next < candidates.length && !unvisitedWhen((candidates[frame.next] as Edge).target, frame.openedAt))
        frame.next++;
      const edge = candidates[frame.next++];
      if (edge === undefined) {
        frames.pop();
        continue;
      }
      // A frame only walks an edge it saw unvisited, and the frames below it opened earlier still: stamping
      // a module visited again with the later time changes nothing any open frame sees.
      visitedIn[edge.target] = search;
      visitedAt[edge.target] = clock++;
      rising = enter(edge);
    }
  };
}

function stepOf(edge: Edge): CycleStep {
  return { name: edge.dependency.resolved, dependencyTypes: edge.dependency.dependencyTypes };
}
