import type { GraphModule, ModuleGraph } from "./module-graph.js";

/**
 * The graph with the given modules' dependencies replaced by freshly extracted ones; null when the
 * graph cannot be patched (a fresh module is new to it, or imports a local module it never reached),
 * so that only a full extraction gives the right answer. Modules no root reaches any more are dropped,
 * as a full extraction would drop them.
 */
export function replaceModules(
  graph: ModuleGraph,
  fresh: readonly GraphModule[],
  roots: readonly string[],
): ModuleGraph | null {
  const bySource = new Map(graph.modules.map((module) => [module.source, module]));
  for (const module of fresh) {
    if (!bySource.has(module.source)) return null;
    if (module.dependencies.some((dependency) => dependency.target === "local" && !bySource.has(dependency.resolved)))
      return null;
  }
  const isRoot = new Set(roots);
  // Every module of the graph was reached; one dropped import of a module that is a root loses none of them.
  const reachedStill = fresh.every((module) => {
    const kept = new Set(module.dependencies.map((dependency) => dependency.resolved));
    return (bySource.get(module.source) as GraphModule).dependencies.every(
      (dependency) =>
        kept.has(dependency.resolved) || isRoot.has(dependency.resolved) || !bySource.has(dependency.resolved),
    );
  });
  for (const module of fresh) bySource.set(module.source, module);
  const replaced = graph.modules.map((module) => bySource.get(module.source) as GraphModule);
  if (reachedStill) return { modules: replaced };
  const reached = reachableFrom(bySource, roots);
  return { modules: replaced.filter((module) => reached.has(module.source)) };
}

/** The sources the roots reach (themselves included), walking only modules of `bySource`. */
export function reachableFrom(bySource: ReadonlyMap<string, GraphModule>, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const pending = roots.filter((root) => bySource.has(root));
  for (let source = pending.pop(); source !== undefined; source = pending.pop()) {
    if (seen.has(source)) continue;
    seen.add(source);
    for (const dependency of bySource.get(source)?.dependencies ?? [])
      if (bySource.has(dependency.resolved) && !seen.has(dependency.resolved)) pending.push(dependency.resolved);
  }
  return seen;
}
