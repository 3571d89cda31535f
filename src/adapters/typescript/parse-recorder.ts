import { createRequire, Module } from "node:module";
import { resolve } from "node:path";
import type TypeScript from "typescript";
import { syntaxProblemsOf } from "./source-inspector.js";
import { textHash, type RecordedParse } from "./recorded-parses.js";

/** Where TypeScript infers from the file name the script kind the syntax check gives it (scriptKindOf). */
const SAME_SCRIPT_KIND = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/**
 * Makes every later `require("typescript")` and `import("typescript")` of this thread (dependency-cruiser's
 * among them) get the real module with `createSourceFile` wrapped to record each parsed file's first syntax
 * problem, so the syntax check need not parse those files again. Must run before anything else of the thread
 * imports TypeScript: an ES module import keeps the exports it saw first. Returns the recordings so far.
 */
export function recordTypescriptParses(): () => RecordedParse[] {
  const require = createRequire(import.meta.url);
  const path = require.resolve("typescript");
  const real = require("typescript") as typeof TypeScript;
  const recorded: RecordedParse[] = [];
  const wrapper = Object.create(real) as typeof TypeScript;
  Object.defineProperty(wrapper, "createSourceFile", {
    value: (...args: Parameters<typeof TypeScript.createSourceFile>) => {
      const sourceFile = real.createSourceFile(...args);
      const [fileName, text, target, , scriptKind] = args;
      if (target === real.ScriptTarget.Latest && scriptKind === undefined && SAME_SCRIPT_KIND.test(fileName)) {
        const [problem] = syntaxProblemsOf(real, sourceFile);
        recorded.push({ path: resolve(fileName), hash: textHash(text), problem: problem ?? null });
      }
      return sourceFile;
    },
  });
  const cached = new Module(path);
  cached.filename = path;
  cached.loaded = true;
  cached.exports = wrapper;
  require.cache[path] = cached;
  return () => recorded.splice(0);
}
