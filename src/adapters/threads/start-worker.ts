import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * A worker thread started with `flags` as its Node options (the caller's own plus any it adds), or, when Node
 * refuses one of them in a thread (`--max-old-space-size`, `--title`…), with the options it inherits by default.
 */
export function startWorker(url: URL, options: WorkerOptions, flags: readonly string[] | undefined): Worker {
  if (flags === undefined) return new Worker(url, options);
  try {
    return new Worker(url, { ...options, execArgv: [...flags] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ERR_WORKER_INVALID_EXEC_ARGV") throw error;
    return new Worker(url, options);
  }
}
