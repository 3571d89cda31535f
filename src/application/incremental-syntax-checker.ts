import { join } from "node:path";
import type { FileSyntaxProblem, FileSystem, SourceInspector, SyntaxChecker, SyntaxProblem } from "./ports.js";

export interface IncrementalSyntaxChecker extends SyntaxChecker {
  /** Files (relative to the root) whose text changed since they were last parsed. */
  changed(files: readonly string[]): void;
}

/**
 * The check's syntax check, each file parsed again only after it changed (reading unsaved texts when the
 * file system does). The first check goes through `first` (the check's cache, which reads files as saved),
 * except for the files said to have changed since this checker was made: those are parsed here.
 */
export function incrementalSyntaxChecker(
  fileSystem: FileSystem,
  inspector: SourceInspector,
  first?: SyntaxChecker,
): IncrementalSyntaxChecker {
  const firstProblem = new Map<string, SyntaxProblem | null>();
  let checkedOnce = first === undefined;
  const changedBeforeFirst = new Set<string>();
  return {
    changed(files) {
      for (const file of files) {
        firstProblem.delete(file);
        if (!checkedOnce) changedBeforeFirst.add(file);
      }
    },
    async check(root, files) {
      if (!checkedOnce && first !== undefined) {
        const found = new Map((await first.check(root, files)).map(({ file, ...problem }) => [file, problem]));
        // Changed before or during that check: parsed below, from the text as it is now.
        for (const file of files) if (!changedBeforeFirst.has(file)) firstProblem.set(file, found.get(file) ?? null);
        changedBeforeFirst.clear();
        checkedOnce = true;
      }
      const found: FileSyntaxProblem[] = [];
      for (const file of files) {
        let problem = firstProblem.get(file);
        if (problem === undefined) {
          problem = inspector.syntaxProblems(file, await fileSystem.readText(join(root, file), "source"))[0] ?? null;
          firstProblem.set(file, problem);
        }
        if (problem !== null) found.push({ file, ...problem });
      }
      return found;
    },
  };
}
