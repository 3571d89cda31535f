/** Where in an input file a problem sits; line and column are 1-based. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number | null;
  readonly column: number | null;
}

export interface ConfigurationIssue extends SourcePosition {
  /** The key path inside the file, e.g. `layers.domain.mayImport[0]`; empty for the whole file. */
  readonly key: string;
  readonly message: string;
}

/** The four ways a run can fail; the CLI maps each to one exit code. */
export type ErrorCategory = "configuration" | "usage" | "dependency" | "internal";

export class LayerlintError extends Error {
  constructor(
    readonly code: string,
    readonly category: ErrorCategory,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "LayerlintError";
  }
}

/** The layer map (or a preset, a tsconfig, an include path) is wrong; every issue found is listed. */
export class ConfigurationError extends LayerlintError {
  constructor(
    readonly issues: readonly ConfigurationIssue[],
    code = "LL-CONFIG",
  ) {
    super(code, "configuration", issues.map(formatIssue).join("\n"));
    this.name = "ConfigurationError";
  }
}

/**
 * A file a repository made layerlint read is not a regular file (a named pipe, a device, a folder) or is
 * over its kind's size limit: refused before its content is read. `path` is absolute.
 */
export class UnreadableInputError extends ConfigurationError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super([{ file: path, line: null, column: null, key: "", message: reason }], "LL-INPUT");
    this.name = "UnreadableInputError";
  }
}

export class UsageError extends LayerlintError {
  constructor(message: string) {
    super("LL-USAGE", "usage", message);
    this.name = "UsageError";
  }
}

/** A baseline file that is missing, not JSON, of the wrong shape or of a newer version; each issue names the file. */
export class BaselineError extends LayerlintError {
  constructor(readonly issues: readonly ConfigurationIssue[]) {
    super("LL-BASELINE", "configuration", issues.map(formatIssue).join("\n"));
    this.name = "BaselineError";
  }
}

/** dependency-cruiser, TypeScript or the file system failed underneath layerlint. */
export class DependencyFailure extends LayerlintError {
  constructor(message: string, cause?: unknown) {
    super("LL-DEPENDENCY", "dependency", message, { cause });
    this.name = "DependencyFailure";
  }
}

/** The file system refused a read or a write (permissions, a file that vanished, a full disk). */
export class FileSystemFailure extends LayerlintError {
  constructor(message: string, cause?: unknown) {
    super("LL-FILE-SYSTEM", "dependency", message, { cause });
    this.name = "FileSystemFailure";
  }
}

export function formatIssue(issue: ConfigurationIssue): string {
  const where = [issue.file, issue.line, issue.column].filter((part) => part !== null).join(":");
  const key = issue.key === "" ? "" : ` (${issue.key})`;
  return `${where}${key}: ${issue.message}`;
}
