import { parentPort, workerData } from "node:worker_threads";
import type { ResolutionHints } from "../../application/ports.js";
import type { CruiseOptions } from "../../domain/compile/rule-set.js";
import { dependencyCruiserExtractor } from "./dependency-cruiser-extractor.js";
import { serializeError } from "./worker-errors.js";

/** Runs in a worker thread with a deep stack: one cruise, answered with the module graph or the error. */
const { files, options, hints } = workerData as {
  files: string[];
  options: CruiseOptions;
  hints: ResolutionHints | undefined;
};
try {
  parentPort?.postMessage({ graph: await dependencyCruiserExtractor.extract(files, options, hints) });
} catch (error) {
  parentPort?.postMessage({ error: serializeError(error) });
}
