import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { FileSyntaxProblem } from "../../application/ports.js";
import { typescriptSourceInspector } from "./source-inspector.js";

/** The first syntax problem of each file that has one, in file order. */
export async function firstSyntaxProblems(root: string, files: readonly string[]): Promise<FileSyntaxProblem[]> {
  const found: FileSyntaxProblem[] = [];
  for (const file of files) {
    const text = await readFile(join(root, file), "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new Error(
        `cannot read ${file} (${error.code ?? error.message}): was it deleted or made unreadable during the run?`,
      );
    });
    const [first] = typescriptSourceInspector.syntaxProblems(file, text);
    if (first) found.push({ file, ...first });
  }
  return found;
}
