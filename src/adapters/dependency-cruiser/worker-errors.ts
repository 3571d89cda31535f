import {
  ConfigurationError,
  DependencyFailure,
  FileSystemFailure,
  LayerlintError,
  UnreadableInputError,
  type ConfigurationIssue,
} from "../../domain/errors.js";
import { dependencyCruiserFailed } from "./failure-message.js";

/** An error as it crosses from the cruise's worker thread: what the main thread needs to rebuild it. */
export type SerializedError =
  | { readonly kind: "input"; readonly path: string; readonly reason: string }
  | { readonly kind: "configuration"; readonly code: string; readonly issues: readonly ConfigurationIssue[] }
  | { readonly kind: "file-system" | "dependency"; readonly message: string; readonly stack: string | undefined }
  | { readonly kind: "other"; readonly message: string; readonly stack: string | undefined };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof UnreadableInputError) return { kind: "input", path: error.path, reason: error.reason };
  if (error instanceof ConfigurationError) return { kind: "configuration", code: error.code, issues: error.issues };
  const underlying = error instanceof LayerlintError && error.cause instanceof Error ? error.cause : error;
  const stack = underlying instanceof Error ? underlying.stack : undefined;
  if (error instanceof FileSystemFailure) return { kind: "file-system", message: error.message, stack };
  if (error instanceof DependencyFailure) return { kind: "dependency", message: error.message, stack };
  return { kind: "other", message: error instanceof Error ? error.message : String(error), stack };
}

/** The error the worker met, as the in-process extractor would have thrown it; the stack kept for --debug. */
export function deserializeError(error: SerializedError): Error {
  if (error.kind === "input") return new UnreadableInputError(error.path, error.reason);
  if (error.kind === "configuration") return new ConfigurationError(error.issues, error.code);
  const cause = new Error(error.message);
  cause.stack = error.stack ?? cause.stack;
  if (error.kind === "file-system") return new FileSystemFailure(error.message, cause);
  if (error.kind === "dependency") return new DependencyFailure(error.message, cause);
  return new DependencyFailure(dependencyCruiserFailed(error.message), cause);
}
