import { join } from "node:path";
import type { FileSyntaxProblem, FileSystem, SourceInspector, SyntaxChecker, SyntaxProblem } from "./ports.js";

export interface IncrementalSyntaxChecker extends SyntaxChecker {
  /** Files (relative to the root) whose text changed since they were last parsed. */
  changed(files: readonly string[]): void;
}

/** The check's syntax check, each file parsed again only after it changed (reading unsaved texts when the file system does). */
export function incrementalSyntaxChecker(fileSystem: FileSystem, inspector: SourceInspector): IncrementalSyntaxChecker {
  const firstProblem = new Map<string, SyntaxProblem | null>();
  return {
    changed(files) {
      for (const file of files) firstProblem.delete(file);
    },
    async check(root, files) {
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
