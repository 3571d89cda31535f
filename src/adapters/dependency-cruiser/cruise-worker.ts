import { getHeapStatistics } from "node:v8";
import { parentPort } from "node:worker_threads";
import type { ResolutionHints } from "../../application/ports.js";
import type { CruiseOptions } from "../../domain/compile/rule-set.js";
import { garbageCollector } from "../threads/garbage-collector.js";
import { recordTypescriptParses } from "../typescript/parse-recorder.js";
import { installListedFolderStats } from "./listed-folder-stats.js";
import { rememberSafeRegexVerdicts } from "./remember-safe-regex-verdicts.js";
import { serializeError } from "./worker-errors.js";

/** One cruise's question, posted to a worker that has loaded (or is loading) dependency-cruiser. */
export interface CruiseJob {
  readonly files: string[];
  readonly options: CruiseOptions;
  readonly hints: ResolutionHints | undefined;
  /** Changes when the caller's analysis does: what the worker remembers of the last one (the tsconfig) is dropped. */
  readonly session: number;
}

/**
 * Runs in a worker thread with a deep stack: loads dependency-cruiser and TypeScript, which can start before any
 * question is known, then answers each cruise posted to it, one at a time, with the module graph (and what its
 * parse found) or the error. The tsconfig is parsed once per session: TypeScript lists every file it includes; each
 * rule's regular expression is checked for safety once per worker, not once per cruise; and the resolver's many
 * questions about files that are not there are answered from folder listings, taken afresh for each cruise.
 */
const recorded = recordTypescriptParses();
rememberSafeRegexVerdicts();
const listings = installListedFolderStats();
const collectGarbage = garbageCollector();
const extractor = import("./dependency-cruiser-extractor.js").then((adapter) =>
  adapter.rememberingDependencyCruiserExtractor(),
);
// Loading must not fail unseen before a job arrives: the job's answer reports it.
extractor.catch(() => undefined);
let session: number | null = null;

parentPort?.on("message", (job: CruiseJob) => {
  void answer(job);
});

async function answer({ files, options, hints, session: jobSession }: CruiseJob): Promise<void> {
  try {
    const loaded = await extractor;
    if (session !== jobSession) loaded.forget?.();
    session = jobSession;
    listings.forget();
    const heapBefore = getHeapStatistics().used_heap_size;
    const graph = await loaded.extract(files, options, hints);
    parentPort?.postMessage({ graph, parses: recorded() });
    // A cruise's garbage (its parses, its resolver's answers) would stay in this idle thread until its next cruise,
    // while the calling thread builds the report: about 200 MB at 10,000 modules. One-file cruises leave little.
    if (collectGarbage !== null && getHeapStatistics().used_heap_size > 2 * heapBefore) setImmediate(collectGarbage);
  } catch (error) {
    parentPort?.postMessage({ error: serializeError(error) });
  }
}
