import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { FileSystem } from "../../application/ports.js";
import { UnreadableInputError } from "../../domain/errors.js";
import { readRegularFile } from "../file-system/regular-file-reader.js";
import { hashBytes } from "./content-hashes.js";

/**
 * One cache file: a checksum line, then JSON. A file whose checksum does not match (truncated, edited,
 * written by something else) or whose JSON is not what `isValid` expects is discarded, never trusted.
 */
export type CacheRead<T> =
  | { readonly state: "missing" }
  | { readonly state: "corrupt"; readonly reason: string }
  | { readonly state: "read"; readonly value: T };

export async function readCacheFile<T>(path: string, isValid: (value: unknown) => value is T): Promise<CacheRead<T>> {
  let text: string;
  try {
    text = (await readRegularFile(path, "cache")).toString("utf8");
  } catch (error) {
    if (error instanceof UnreadableInputError) return { state: "corrupt", reason: error.reason };
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ENOTDIR"
      ? { state: "missing" }
      : { state: "corrupt", reason: `it cannot be read (${code ?? String(error)})` };
  }
  const newline = text.indexOf("\n");
  const body = text.slice(newline + 1);
  if (newline < 0 || text.slice(0, newline) !== hashBytes(body))
    return { state: "corrupt", reason: "its checksum does not match its content" };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { state: "corrupt", reason: "it is not JSON" };
  }
  return isValid(value)
    ? { state: "read", value }
    : { state: "corrupt", reason: "it does not have the expected shape" };
}

/** Atomic (temporary file renamed into place): two runs writing at once leave one whole file, the last one's. */
export async function writeCacheFile(fileSystem: FileSystem, path: string, value: unknown): Promise<void> {
  const body = JSON.stringify(value);
  await mkdir(dirname(path), { recursive: true });
  await fileSystem.writeTextAtomic(path, `${hashBytes(body)}\n${body}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The same for every cache file of a folder, so a run says it once. */
export function cannotWrite(path: string, error: unknown): string {
  const code = errnoCode(error) ?? errnoCode((error as { cause?: unknown } | null)?.cause);
  const reason = code ?? (error instanceof Error ? error.message : String(error));
  return `cannot write the cache in ${dirname(path)} (${reason}); the check itself is unaffected`;
}

function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null | undefined)?.code;
  return typeof code === "string" && /^E[A-Z]+$/.test(code) ? code : undefined;
}
