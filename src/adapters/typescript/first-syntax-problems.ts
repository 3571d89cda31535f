import { join } from "node:path";
import { mapConcurrently } from "../../application/map-concurrently.js";
import type { FileSyntaxProblem } from "../../application/ports.js";
import { readRegularFile } from "../file-system/regular-file-reader.js";
import { recalledSyntax, recalledSyntaxOfHash, textHash } from "./recorded-parses.js";
import { typescriptSourceInspector } from "./source-inspector.js";

/**
 * The first syntax problem of each file that has one, in file order: as this process's cruise parsed it, else parsed
 * here.
 */
export async function firstSyntaxProblems(root: string, files: readonly string[]): Promise<FileSyntaxProblem[]> {
  const found: FileSyntaxProblem[] = [];
  for (const file of files) {
    const text = await readSource(root, file);
    const [first] = recalledOrParsed(root, file, text);
    if (first) found.push({ file, ...first });
  }
  return found;
}

/**
 * The files whose parse this process's cruise recorded for their current text, with its answer; the others, in file
 * order. `read`: the hashes (textHash) of texts already read, each taken for its file's current text.
 */
export async function recallSyntax(
  root: string,
  files: readonly string[],
  read: ReadonlyMap<string, string> = new Map(),
): Promise<{ recalled: Map<string, FileSyntaxProblem | null>; unparsed: string[] }> {
  const recalled = new Map<string, FileSyntaxProblem | null>();
  const unparsed: string[] = [];
  const answers = await mapConcurrently(files, 64, async (file) =>
    recalledSyntaxOfHash(root, file, read.get(file) ?? textHash(await readSource(root, file))),
  );
  files.forEach((file, index) => {
    const problem = answers[index];
    if (problem === undefined) unparsed.push(file);
    else recalled.set(file, problem === null ? null : { file, ...problem });
  });
  return { recalled, unparsed };
}

/** The hash (textHash) of each file's text as read now. */
export async function hashTexts(root: string, files: readonly string[]): Promise<Map<string, string>> {
  return new Map(
    await mapConcurrently(files, 64, async (file) => [file, textHash(await readSource(root, file))] as const),
  );
}

function recalledOrParsed(root: string, file: string, text: string) {
  const recalled = recalledSyntax(root, file, text);
  if (recalled !== undefined) return recalled === null ? [] : [recalled];
  return typescriptSourceInspector.syntaxProblems(file, text);
}

async function readSource(root: string, file: string): Promise<string> {
  const bytes = await readRegularFile(join(root, file), "source").catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      `cannot read ${file} (${error.code ?? error.message}): was it deleted or made unreadable during the run?`,
    );
  });
  return bytes.toString("utf8");
}
