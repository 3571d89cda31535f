import { Worker } from "node:worker_threads";
import type { SyntaxChecker } from "../../application/ports.js";
import { DependencyFailure } from "../../domain/errors.js";

const WORKER_URL = new URL("./syntax-worker.js", import.meta.url);

/** Parses on another core, so finding syntax errors costs the check no wall time on two cores or more. */
export const workerSyntaxChecker: SyntaxChecker = {
  check(root, files) {
    if (files.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const worker = new Worker(WORKER_URL, { workerData: { root, files: [...files] } });
      worker.once("message", resolve);
      worker.once("error", (error) =>
        reject(new DependencyFailure(`the syntax check failed: ${error.message}`, error)),
      );
      worker.once("exit", (code) => {
        if (code !== 0) reject(new DependencyFailure(`the syntax check stopped with exit code ${code}`));
      });
    });
  },
};
