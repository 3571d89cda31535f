import { compileGlobList, compilePathGlob, unionOf } from "../glob/compile-glob.js";
import type { ContextMap } from "../map/layer-map.js";

export interface ContextClassifier {
  /** null when the map declares no contexts. */
  readonly contexts: ContextMap | null;
  /**
   * The context a file belongs to (the segment `<context>` matches); null in the shared kernel or outside every
   * context.
   */
  contextOf(path: string): string | null;
  /** Whether the file belongs to the shared kernel. */
  isShared(path: string): boolean;
}

/** Reads contexts with the same regexes the compiled rules use. */
export function createContextClassifier(contexts: ContextMap | null): ContextClassifier {
  if (contexts === null) return { contexts, contextOf: () => null, isShared: () => false };
  const pattern = new RegExp(compilePathGlob(contexts.pattern, { contextAs: "capture" }));
  const shared =
    contexts.shared.length === 0
      ? null
      : new RegExp(unionOf(compileGlobList(contexts.shared).map((compiled) => compiled.regex)));
  const isShared = (path: string): boolean => shared?.test(path) ?? false;
  return {
    contexts,
    contextOf: (path) => (isShared(path) ? null : (pattern.exec(path)?.[1] ?? null)),
    isShared,
  };
}
