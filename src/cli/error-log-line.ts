import { ConfigurationError, LayerlintError, type ConfigurationIssue, type ErrorCategory } from "../domain/errors.js";
import type { ExitCode } from "./exit-codes.js";

/** One error as `--log-format json` writes it: a single line of JSON on stderr. */
export interface ErrorLogLine {
  readonly level: "error";
  readonly code: string;
  readonly category: ErrorCategory;
  readonly exitCode: ExitCode;
  readonly message: string;
  readonly issues?: readonly ConfigurationIssue[];
  readonly stack?: string;
}

export function errorLogLine(error: unknown, exitCode: ExitCode, debug: boolean): string {
  const stackOf = (value: unknown) =>
    debug && value instanceof Error && value.stack !== undefined ? { stack: value.stack } : {};
  let line: ErrorLogLine;
  if (error instanceof ConfigurationError) {
    const issues = error.issues.map(({ file, line: issueLine, column, key, message }) => ({
      file,
      line: issueLine,
      column,
      key,
      message,
    }));
    line = { level: "error", code: error.code, category: error.category, exitCode, message: error.message, issues };
  } else if (error instanceof LayerlintError) {
    line = {
      level: "error",
      code: error.code,
      category: error.category,
      exitCode,
      message: error.message,
      ...stackOf(error.cause),
    };
  } else {
    const message = error instanceof Error ? error.message : String(error);
    line = {
      level: "error",
      code: "LL-INTERNAL",
      category: "internal",
      exitCode,
      message: `internal error: ${message}`,
      ...stackOf(error),
    };
  }
  return `${JSON.stringify(line)}\n`;
}
