/**
 * The name a dependency counts under in `packages` allow-lists: the package as imported, never as
 * resolved (`lodash/fp` → `lodash`, `@scope/x/y` → `@scope/x`), and `node:NAME` for built-ins
 * whether written `fs`, `node:fs` or `fs/promises`.
 */
export function packageNameOf(specifier: string, isBuiltin: boolean): string {
  const bare = specifier.startsWith("node:") ? specifier.slice("node:".length) : specifier;
  const segments = bare.split("/");
  if (isBuiltin) return `node:${segments[0]}`;
  if (bare.startsWith("@") && segments.length > 1) return `${segments[0]}/${segments[1]}`;
  return segments[0] as string;
}

export function isBuiltinPattern(pattern: string): boolean {
  return pattern.startsWith("node:");
}
