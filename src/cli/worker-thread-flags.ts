const SKIP_FORMAT_DETECTION = "--no-experimental-detect-module";

/**
 * The Node options layerlint's worker threads start with: this process's, plus one that skips Node's detection of
 * a `.js` file's module format where Node has that option and the user did not set it. The threads import
 * TypeScript, a 9 MB CommonJS file that Node 20 otherwise compiles once more as an ES module first to find out
 * (about 0.1 s per thread). Undefined: nothing to add, the threads inherit this process's options.
 */
export function workerThreadFlags(
  execArgv: readonly string[] = process.execArgv,
  allowed: ReadonlySet<string> = process.allowedNodeEnvironmentFlags,
): string[] | undefined {
  const setByUser = execArgv.some((flag) => flag.includes("experimental-detect-module"));
  if (setByUser || !allowed.has(SKIP_FORMAT_DETECTION)) return undefined;
  return [...execArgv, SKIP_FORMAT_DETECTION];
}
