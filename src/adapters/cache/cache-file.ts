import { lstat, mkdir, rm } from "node:fs/promises";
import { dirname } from "node:path";
import type { z } from "zod";
import type { FileSystem } from "../../application/ports.js";
import { CACHE_FORMAT } from "./cache-key.js";
import { UnreadableInputError } from "../../domain/errors.js";
import { readRegularFile } from "../file-system/regular-file-reader.js";
import { hashBytes } from "./content-hashes.js";

/**
 * One cache file: a checksum line, then JSON. A file whose checksum does not match (truncated, edited,
 * written by something else) or whose JSON does not match its schema (cache-schemas.ts) is discarded, never trusted.
 */
export type CacheRead<T> =
  | { readonly state: "missing" }
  | { readonly state: "corrupt"; readonly reason: string }
  | { readonly state: "read"; readonly value: T };

/** One cache file as a caching adapter uses it: a discarded file and a failed write are said, never thrown. */
export interface CacheFile<T> {
  read(): Promise<CacheRead<T>>;
  write(value: T): Promise<void>;
}

export function cacheFile<T extends object>(
  fileSystem: FileSystem,
  path: string,
  schema: z.ZodType<T>,
  warn: (message: string) => void,
): CacheFile<T> {
  return {
    async read() {
      const read = await readCacheFile(path, schema);
      if (read.state === "corrupt") warn(`the cache file ${path} is discarded: ${read.reason}`);
      return read;
    },
    async write(value) {
      try {
        await writeCacheFile(fileSystem, path, value);
      } catch (error) {
        warn(cannotWrite(path, error));
      }
    },
  };
}

/**
 * Read straight, not through the FileSystem port: the port reports a missing file as a failure, and here
 * it is the usual case.
 */
async function readCacheFile<T>(path: string, schema: z.ZodType<T>): Promise<CacheRead<T>> {
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
  // Written by another version of layerlint (or before files said their format): not corrupt, just not ours.
  if (typeof value !== "object" || value === null || !("format" in value) || value.format !== CACHE_FORMAT)
    return { state: "missing" };
  const { format: _format, ...entries } = value;
  const checked = schema.safeParse(entries);
  return checked.success
    ? { state: "read", value: checked.data }
    : { state: "corrupt", reason: "it does not have the expected shape" };
}

/**
 * Atomic (the port's temporary file renamed into place): two runs writing at once leave one whole file, the
 * last one's. Whatever else is at the path (a named pipe would block the write, a link would send it elsewhere)
 * is removed first: the cache folder is layerlint's own. The folder and that removal use node:fs, not the port:
 * the port, made for the user's output files, writes through links and into pipes on purpose, and words a
 * folder it cannot create as a usage error where the cache warning names the errno (`ENOTDIR`).
 */
async function writeCacheFile(fileSystem: FileSystem, path: string, value: object): Promise<void> {
  const body = JSON.stringify({ format: CACHE_FORMAT, ...value });
  await mkdir(dirname(path), { recursive: true });
  const existing = await lstat(path).catch(() => null);
  if (existing !== null && !existing.isFile()) await rm(path, { force: true, recursive: existing.isDirectory() });
  await fileSystem.writeTextAtomic(path, `${hashBytes(body)}\n${body}`);
}

/** The same for every cache file of a folder, so a run says it once. */
function cannotWrite(path: string, error: unknown): string {
  const code = errnoCode(error) ?? errnoCode((error as { cause?: unknown } | null)?.cause);
  const reason = code ?? (error instanceof Error ? error.message : String(error));
  return `cannot write the cache in ${dirname(path)} (${reason}); the check itself is unaffected`;
}

function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null | undefined)?.code;
  return typeof code === "string" && /^E[A-Z]+$/.test(code) ? code : undefined;
}
