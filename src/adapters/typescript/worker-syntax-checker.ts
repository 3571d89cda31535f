import type { FileSyntaxProblem, SyntaxChecker } from "../../application/ports.js";
import { DependencyFailure } from "../../domain/errors.js";
import { hashTexts, recallSyntax } from "./first-syntax-problems.js";
import { startWorker } from "../threads/start-worker.js";

const WORKER_URL = new URL("./syntax-worker.js", import.meta.url);

/**
 * Answers from the cruise's own parse where it read the same text; parses the other files on another core,
 * where loading TypeScript again does not hold up the calling thread; the worker starts with these Node options
 * (see startWorker). Prepared as the cruise starts, it reads and hashes the files meanwhile, while the calling
 * thread waits for the cruise, instead of after it.
 */
export const workerSyntaxChecker = (threadFlags: readonly string[] | undefined): SyntaxChecker => {
  let prepared: { root: string; hashes: Promise<Map<string, string>> } | null = null;
  return {
    prepare(root, files) {
      const hashes = hashTexts(root, files);
      // A file that cannot be read then is read again by the check, which reports it.
      hashes.catch(() => undefined);
      prepared = { root, hashes };
    },
    async check(root, files) {
      const read = prepared?.root === root ? await prepared.hashes.catch(() => new Map<string, string>()) : new Map();
      prepared = null;
      const { recalled, unparsed } = await recallSyntax(root, files, read);
      const parsed = new Map(
        (await parseInWorker(root, unparsed, threadFlags)).map((problem) => [problem.file, problem]),
      );
      return files.flatMap((file) => recalled.get(file) ?? parsed.get(file) ?? []);
    },
  };
};

function parseInWorker(
  root: string,
  files: readonly string[],
  threadFlags: readonly string[] | undefined,
): Promise<FileSyntaxProblem[]> {
  if (files.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const worker = startWorker(WORKER_URL, { workerData: { root, files: [...files] } }, threadFlags);
    worker.once("message", resolve);
    worker.once("error", (error) => reject(new DependencyFailure(`the syntax check failed: ${error.message}`, error)));
    worker.once("exit", (code) => {
      if (code !== 0) reject(new DependencyFailure(`the syntax check stopped with exit code ${code}`));
    });
  });
}
