import type { SyntaxChecker } from "../../application/ports.js";
import { firstSyntaxProblems } from "./first-syntax-problems.js";

/** The worker's syntax check on the calling thread: the same answers, for hosts that cannot start the worker. */
export const inThreadSyntaxChecker: SyntaxChecker = { check: firstSyntaxProblems };
