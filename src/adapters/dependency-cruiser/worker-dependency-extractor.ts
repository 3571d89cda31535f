import { Worker } from "node:worker_threads";
import type { DependencyExtractor } from "../../application/ports.js";
import { DependencyFailure } from "../../domain/errors.js";
import type { ModuleGraph } from "../../domain/graph/module-graph.js";
import { rememberParses, type RecordedParse } from "../typescript/recorded-parses.js";
import { deserializeError, type SerializedError } from "./worker-errors.js";
import { dependencyCruiserFailed } from "./failure-message.js";

const WORKER_URL = new URL("./cruise-worker.js", import.meta.url);

/**
 * dependency-cruiser follows imports by recursion, one stack frame per file of a chain: on the main thread's
 * stack a chain of about 3,200 files overflowed it, which dependency-cruiser reports as imports it cannot
 * resolve. Its worker thread gets a stack deep enough for chains of millions of files (reserved, used only
 * as deep as a chain goes). Off the main thread, the cruise also leaves it free to answer Ctrl-C at once.
 */
export const CRUISE_STACK_MB = 2048;

/** Tests run the TypeScript sources, where there is no compiled worker script: they cruise in-process. */
const COMPILED = import.meta.url.endsWith(".js");

export const workerDependencyExtractor: DependencyExtractor = {
  async extract(files, options, hints) {
    if (files.length === 0) return { modules: [] };
    if (!COMPILED) {
      const { dependencyCruiserExtractor } = await import("./dependency-cruiser-extractor.js");
      return dependencyCruiserExtractor.extract(files, options, hints);
    }
    return new Promise<ModuleGraph>((resolve, reject) => {
      const worker = new Worker(WORKER_URL, {
        workerData: { files: [...files], options, hints },
        resourceLimits: { stackSizeMb: CRUISE_STACK_MB },
      });
      worker.once("message", (answer: { graph: ModuleGraph; parses: RecordedParse[] } | { error: SerializedError }) => {
        if ("error" in answer) return reject(deserializeError(answer.error));
        // The syntax check then reads what the cruise parsed instead of parsing it again.
        rememberParses(answer.parses);
        resolve(answer.graph);
      });
      worker.once("error", (error) => reject(new DependencyFailure(dependencyCruiserFailed(error.message), error)));
      worker.once("exit", (code) => {
        if (code !== 0) reject(new DependencyFailure(`dependency-cruiser's worker stopped with exit code ${code}`));
      });
    });
  },
};
