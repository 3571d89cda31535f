import type { FileSystem, LoopStore } from "../../application/ports.js";
import type { GraphModule } from "../../domain/graph/module-graph.js";
import type { CycleSearch, FoundLoop } from "../../domain/violations/find-cycle-violations.js";
import { cacheFile } from "./cache-file.js";
import { loopsCacheSchema } from "./cache-schemas.js";
import { hashBytes } from "./content-hashes.js";

export interface CachingLoopStore {
  readonly store: LoopStore;
  /** Writes the loops of this run's search, when it searched. */
  flush(): Promise<void>;
}

/**
 * The loops of one map's last cycle search, keyed by all the search reads: every module of the graph with
 * its imports in order (where each resolved, whether it is type-only), the checked modules in order with
 * theirs, and the type-only policy. A check of an unchanged graph builds its cycle violations from them.
 */
export function cachingLoopStore(
  fileSystem: FileSystem,
  path: string,
  warn: (message: string) => void,
): CachingLoopStore {
  const stored = cacheFile(fileSystem, path, loopsCacheSchema, warn);
  const keys = new WeakMap<CycleSearch, string>();
  const keyOf = (search: CycleSearch): string => {
    let key = keys.get(search);
    if (key === undefined) {
      key = searchKey(search);
      keys.set(search, key);
    }
    return key;
  };
  let searched: { key: string; loops: [string, number[]][] } | null = null;
  return {
    store: {
      async recall(search) {
        const read = await stored.read();
        if (read.state !== "read" || read.value.key !== keyOf(search)) return undefined;
        return loopsOf(read.value.loops, search.graph);
      },
      remember(search, loops) {
        const indexOf = new Map(search.graph.map((module, index) => [module.source, index]));
        const indexed: [string, number[]][] = [];
        for (const loop of loops) {
          const members = loop.members.map((member) => indexOf.get(member) ?? -1);
          // A loop only ever runs through the graph's modules; one that does not is not kept.
          if (members.includes(-1)) return;
          indexed.push([loop.id, members]);
        }
        searched = { key: keyOf(search), loops: indexed };
      },
    },
    async flush() {
      if (searched !== null) await stored.write(searched);
      searched = null;
    },
  };
}

function searchKey({ graph, checked, typeOnlyImports }: CycleSearch): string {
  const imports = (module: GraphModule) =>
    module.dependencies.map((dependency) => [dependency.resolved, dependency.dependencyTypes.includes("type-only")]);
  return hashBytes(
    JSON.stringify([
      typeOnlyImports,
      graph.map((module) => [module.source, imports(module)]),
      checked.map((module) => [module.source, imports(module)]),
    ]),
  );
}

/** The loops by their modules' paths; undefined when an index is outside the graph (a file that matches no search). */
function loopsOf(stored: readonly (readonly [string, readonly number[]])[], graph: readonly GraphModule[]) {
  const loops: FoundLoop[] = [];
  for (const [id, indices] of stored) {
    const members: string[] = [];
    for (const index of indices) {
      const module = graph[index];
      if (module === undefined) return undefined;
      members.push(module.source);
    }
    loops.push({ id, members });
  }
  return loops;
}
