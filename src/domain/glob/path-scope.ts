import { compilePathGlob } from "./compile-glob.js";

/** Whether a path is inside the scope a run was narrowed to (`check PATHS…`); no globs is everything. */
export function pathScope(globs: readonly string[] | undefined): (path: string) => boolean {
  if (globs === undefined || globs.length === 0) return () => true;
  const matchers = globs.map((glob) => new RegExp(compilePathGlob(glob)));
  return (path) => matchers.some((matcher) => matcher.test(path));
}
