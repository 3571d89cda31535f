import type { GraphDependency } from "../graph/module-graph.js";

/** A specifier naming a package rather than a path or a `#imports` alias; unresolved ones still count by name. */
export const BARE_SPECIFIER_REGEX = "^[^./#]";
const BARE_SPECIFIER = new RegExp(BARE_SPECIFIER_REGEX);

/**
 * The name a dependency counts under in `packages` allow-lists: the package as imported, never as
 * resolved (`lodash/fp` → `lodash`, `@scope/x/y` → `@scope/x`), and `node:NAME` for built-ins
 * whether written `fs`, `node:fs` or `fs/promises`.
 */
export function packageNameOf(specifier: string, isBuiltin: boolean): string {
  const bare = specifier.startsWith("node:") ? specifier.slice("node:".length) : specifier;
  const [first = "", second] = bare.split("/");
  if (isBuiltin) return `node:${first}`;
  if (bare.startsWith("@") && second !== undefined) return `${first}/${second}`;
  return first;
}

export function isBuiltinPattern(pattern: string): boolean {
  return pattern.startsWith("node:");
}

/** The package or built-in a dependency uses, as the allow-lists count it; null for local files and paths. */
export function packageUsedBy(dependency: GraphDependency): string | null {
  if (dependency.target === "package" || dependency.target === "builtin")
    return packageNameOf(dependency.specifier, dependency.target === "builtin");
  if (dependency.target === "unresolved" && BARE_SPECIFIER.test(dependency.specifier))
    return packageNameOf(dependency.specifier, false);
  return null;
}
