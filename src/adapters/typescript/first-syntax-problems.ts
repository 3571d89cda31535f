import { join } from "node:path";
import type { FileSyntaxProblem } from "../../application/ports.js";
import { readRegularFile } from "../file-system/regular-file-reader.js";
import { typescriptSourceInspector } from "./source-inspector.js";

/** The first syntax problem of each file that has one, in file order. */
export async function firstSyntaxProblems(root: string, files: readonly string[]): Promise<FileSyntaxProblem[]> {
  const found: FileSyntaxProblem[] = [];
  for (const file of files) {
    const bytes = await readRegularFile(join(root, file), "source").catch((error: NodeJS.ErrnoException) => {
      throw new Error(
        `cannot read ${file} (${error.code ?? error.message}): was it deleted or made unreadable during the run?`,
      );
    });
    const [first] = typescriptSourceInspector.syntaxProblems(file, bytes.toString("utf8"));
    if (first) found.push({ file, ...first });
  }
  return found;
}
