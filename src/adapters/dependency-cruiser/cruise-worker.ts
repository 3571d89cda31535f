import { parentPort, workerData } from "node:worker_threads";
import type { ResolutionHints } from "../../application/ports.js";
import type { CruiseOptions } from "../../domain/compile/rule-set.js";
import { recordTypescriptParses } from "../typescript/parse-recorder.js";
import { serializeError } from "./worker-errors.js";

/**
 * Runs in a worker thread with a deep stack: one cruise, answered with the module graph (and what its parse found)
 * or the error.
 */
const { files, options, hints } = workerData as {
  files: string[];
  options: CruiseOptions;
  hints: ResolutionHints | undefined;
};
const recorded = recordTypescriptParses();
try {
  const { dependencyCruiserExtractor } = await import("./dependency-cruiser-extractor.js");
  const graph = await dependencyCruiserExtractor.extract(files, options, hints);
  parentPort?.postMessage({ graph, parses: recorded() });
} catch (error) {
  parentPort?.postMessage({ error: serializeError(error) });
}
