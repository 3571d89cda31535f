import { parentPort, workerData } from "node:worker_threads";
import { firstSyntaxProblems } from "./first-syntax-problems.js";

/** Runs in a worker thread: finds the first syntax problem of each file while the main thread cruises. */
const { root, files } = workerData as { root: string; files: string[] };
parentPort?.postMessage(await firstSyntaxProblems(root, files));
