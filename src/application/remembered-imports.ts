import type { SourceInspector } from "./ports.js";

/**
 * The inspector's imports of each file, parsed again only when its text changes: a long-lived session locates the same
 * files on every change.
 */
export function rememberedImports(inspector: SourceInspector): SourceInspector {
  const located = new Map<string, { text: string; imports: ReturnType<SourceInspector["locateImports"]> }>();
  return {
    ...inspector,
    locateImports(fileName, text) {
      const known = located.get(fileName);
      if (known !== undefined && known.text === text) return known.imports;
      const imports = inspector.locateImports(fileName, text);
      located.set(fileName, { text, imports });
      return imports;
    },
  };
}
