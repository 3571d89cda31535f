import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { typescriptSourceInspector } from "./source-inspector.js";

/** Runs in a worker thread: finds the first syntax problem of each file while the main thread cruises. */
const { root, files } = workerData as { root: string; files: string[] };
const found = [];
for (const file of files) {
  const text = await readFile(join(root, file), "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      `cannot read ${file} (${error.code ?? error.message}): was it deleted or made unreadable during the run?`,
    );
  });
  const [first] = typescriptSourceInspector.syntaxProblems(file, text);
  if (first) found.push({ file, ...first });
}
parentPort?.postMessage(found);
