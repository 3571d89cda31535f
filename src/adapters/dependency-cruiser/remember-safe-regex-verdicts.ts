import { createRequire, Module } from "node:module";

/** safe-regex's one export: whether a regular expression is safe from catastrophic backtracking. */
type SafeRegex = (expression: unknown, options?: { limit?: number }) => boolean;

/**
 * The same check, each expression's verdict kept: the verdict depends on the expression and the limit alone.
 * dependency-cruiser checks every regular expression of the rules with safe-regex before each cruise, which took
 * about 0.4 s of every one-file cruise (the cache's and the language server's) for a map of many globs.
 */
export function rememberingVerdicts(check: SafeRegex): SafeRegex {
  const verdicts = new Map<string, boolean>();
  return (expression, options) => {
    if (typeof expression !== "string") return check(expression, options);
    const key = `${options?.limit ?? ""}\u0000${expression}`;
    let verdict = verdicts.get(key);
    if (verdict === undefined) {
      verdict = check(expression, options);
      verdicts.set(key, verdict);
    }
    return verdict;
  };
}

/**
 * Makes every later `require` and `import` of safe-regex in this thread, dependency-cruiser's among them, get the
 * remembering check. Must run before anything of the thread imports dependency-cruiser (an ES module import takes
 * the module it found when it was linked); after that, it changes nothing.
 */
export function rememberSafeRegexVerdicts(): void {
  const require = createRequire(import.meta.resolve("dependency-cruiser"));
  const path = require.resolve("safe-regex");
  if (require.cache[path] !== undefined) return;
  const cached = new Module(path);
  cached.filename = path;
  cached.loaded = true;
  cached.exports = rememberingVerdicts(require("safe-regex") as SafeRegex);
  require.cache[path] = cached;
}
