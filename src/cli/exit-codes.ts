import type { ErrorCategory } from "../domain/errors.js";

/** The process exit codes: a contract, never a count. */
export const EXIT = {
  clean: 0,
  violations: 1,
  configurationOrUsage: 2,
  internalOrDependency: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function exitCodeFor(category: ErrorCategory): ExitCode {
  return category === "configuration" || category === "usage" ? EXIT.configurationOrUsage : EXIT.internalOrDependency;
}
