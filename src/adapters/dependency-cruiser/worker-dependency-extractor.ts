import type { Worker } from "node:worker_threads";
import type { DependencyExtractor } from "../../application/ports.js";
import { DependencyFailure } from "../../domain/errors.js";
import type { ModuleGraph } from "../../domain/graph/module-graph.js";
import { rememberParses, type RecordedParse } from "../typescript/recorded-parses.js";
import { deserializeError, type SerializedError } from "./worker-errors.js";
import { dependencyCruiserFailed } from "./failure-message.js";
import { startWorker } from "../threads/start-worker.js";
import type { CruiseJob } from "./cruise-worker.js";

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

/**
 * Cruises in worker threads started with these Node options (see startWorker), each worker answering one cruise
 * after another: a run that re-cruises several changed files loads dependency-cruiser and TypeScript (about half a
 * second) once, not once per file, and so do the packages of `check --workspaces` checked one after another.
 * `prepare` starts a worker unless one is idle, so that it loads while the calling thread lists the files and reads
 * the cache; `release` ends the analysis, so that the next cruise reads the tsconfig again. An idle worker keeps no
 * one waiting for it to exit.
 */
export function workerDependencyExtractor(
  threadFlags: readonly string[] | undefined,
  startThread: typeof startWorker = startWorker,
): DependencyExtractor {
  const idle: Worker[] = [];
  const ended = new WeakSet<Worker>();
  let session = 0;
  const start = () => {
    const worker = startThread(WORKER_URL, { resourceLimits: { stackSizeMb: CRUISE_STACK_MB } }, threadFlags);
    worker.unref();
    // A worker that fails or ends is never given another cruise; the one it was answering reports it.
    const end = () => {
      ended.add(worker);
      const index = idle.indexOf(worker);
      if (index !== -1) idle.splice(index, 1);
    };
    worker.on("error", end);
    worker.on("exit", end);
    return worker;
  };
  return {
    prepare() {
      if (COMPILED && idle.length === 0) idle.push(start());
    },
    release() {
      session += 1;
    },
    async extract(files, options, hints) {
      if (files.length === 0) return { modules: [] };
      if (!COMPILED) {
        const { dependencyCruiserExtractor } = await import("./dependency-cruiser-extractor.js");
        return dependencyCruiserExtractor.extract(files, options, hints);
      }
      const worker = idle.pop() ?? start();
      worker.ref();
      try {
        return await cruiseIn(worker, { files: [...files], options, hints, session });
      } finally {
        worker.unref();
        if (!ended.has(worker)) idle.push(worker);
      }
    },
  };
}

type Answer = { graph: ModuleGraph; parses: RecordedParse[] } | { error: SerializedError };

function cruiseIn(worker: Worker, job: CruiseJob): Promise<ModuleGraph> {
  return new Promise<ModuleGraph>((resolve, reject) => {
    const settle = (outcome: () => void) => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      outcome();
    };
    const onMessage = (answer: Answer) =>
      settle(() => {
        if ("error" in answer) return reject(deserializeError(answer.error));
        // The syntax check then reads what the cruise parsed instead of parsing it again.
        rememberParses(answer.parses);
        resolve(answer.graph);
      });
    const onError = (error: Error) =>
      settle(() => reject(new DependencyFailure(dependencyCruiserFailed(error.message), error)));
    const onExit = (code: number) =>
      settle(() => reject(new DependencyFailure(`dependency-cruiser's worker stopped with exit code ${code}`)));
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage(job);
  });
}
