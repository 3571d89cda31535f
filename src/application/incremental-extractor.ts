import type { CruiseOptions } from "../domain/compile/rule-set.js";
import type { ModuleGraph, GraphModule } from "../domain/graph/module-graph.js";
import { replaceModules } from "../domain/graph/replace-modules.js";
import type { DependencyExtractor, ResolutionHints } from "./ports.js";

/** An extractor that keeps the last graph in memory and re-extracts only the files said to have changed. */
export interface IncrementalExtractor extends DependencyExtractor {
  /** Files (relative to the map's folder) whose text changed since the graph was extracted. */
  changed(files: readonly string[]): void;
  /** Forgets the graph (a package.json or tsconfig changed): the next extraction is a full one. */
  reset(): void;
  /**
   * Extracts one file of the last graph alone and drops the answer: what the first change would load and
   * prepare (the extractor's modules, the tsconfig) is ready before anyone waits for it.
   */
  warmUp(): Promise<void>;
}

/**
 * The first extraction goes through `first` (the check's cache, so the editor and CI warm each other),
 * later full ones through `inner`; a changed file is re-extracted alone (its own imports, resolved and
 * judged by `inner`) and patched into the graph. The same files, options and hints are asked for as a
 * full extraction would be, and any change a patch cannot express (a new file, a new module reached)
 * falls back to a full extraction: the answer is always what a full one would give.
 */
export function incrementalExtractor(
  inner: DependencyExtractor,
  first: DependencyExtractor = inner,
): IncrementalExtractor {
  let last: { key: string; graph: ModuleGraph } | null = null;
  let lastRequest: { files: readonly string[]; options: CruiseOptions; hints: ResolutionHints | undefined } | null =
    null;
  let extractedOnce = false;
  const pending = new Set<string>();

  const full = async (files: readonly string[], options: CruiseOptions, hints: ResolutionHints | undefined) => {
    const useFirst = !extractedOnce;
    extractedOnce = true;
    // `first` reads files as saved: changes to unsaved texts stay pending and are patched in below.
    const before = useFirst ? new Set(pending) : new Set<string>();
    if (!useFirst) pending.clear();
    const graph = await (useFirst ? first : inner).extract(files, options, hints);
    for (const file of before) pending.add(file);
    return graph;
  };

  return {
    changed(files) {
      for (const file of files) pending.add(file);
    },
    reset() {
      last = null;
      inner.forget?.();
      first.forget?.();
    },
    async warmUp() {
      const file = lastRequest?.files[0];
      if (lastRequest === null || file === undefined) return;
      await inner.extract([file], { ...lastRequest.options, maxDepth: 1 }, lastRequest.hints);
    },
    async extract(files, options, hints) {
      lastRequest = { files, options, hints };
      const key = JSON.stringify([files, options, hints ?? null]);
      if (last === null || last.key !== key) last = { key, graph: await full(files, options, hints) };
      const changed = [...pending].sort();
      if (changed.length === 0) return last.graph;
      for (const file of changed) pending.delete(file);
      const known = new Set(last.graph.modules.map((module) => module.source));
      const fresh: GraphModule[] = [];
      for (const file of changed.filter((candidate) => known.has(candidate))) {
        // One extraction per file: with several roots and maxDepth 1, dependency-cruiser lists a root it
        // first met as another root's dependency without its own dependencies.
        const extracted = await inner.extract([file], { ...options, maxDepth: 1 }, hints);
        const module = extracted.modules.find((candidate) => candidate.source === file);
        if (module !== undefined) fresh.push(module);
      }
      const patched = replaceModules(last.graph, fresh, files);
      last = { key, graph: patched ?? (await inner.extract(files, options, hints)) };
      return last.graph;
    },
  };
}
