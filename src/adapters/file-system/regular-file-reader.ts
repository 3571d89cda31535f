import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import * as fsPromises from "node:fs/promises";
import { describeLimit, INPUT_LIMITS, INPUT_NOUNS, type InputKind } from "../../application/input-limits.js";
import { UnreadableInputError } from "../../domain/errors.js";

/** The calls the reader makes; tests pass failing ones to prove how failures are reported. */
export type ReaderCalls = Pick<typeof fsPromises, "open" | "stat">;

/** Non-blocking, so that a named pipe swapped in after the stat can never hold the run at open(). */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;
const CHUNK_BYTES = 64 * 1024;

/**
 * The one way layerlint reads a file a repository names: symbolic links are followed, anything that is
 * not a regular file is refused before it is opened (checked again on the open descriptor), and no more
 * than the kind's limit is ever read, whatever the file's size claims (`/proc` files claim 0).
 * Throws UnreadableInputError for a refused file; file-system errors are left to the caller.
 */
export async function readRegularFile(path: string, kind: InputKind, calls: ReaderCalls = fsPromises): Promise<Buffer> {
  refuseUnlessReadable(path, kind, await calls.stat(path));
  const handle = await calls.open(path, OPEN_FLAGS);
  try {
    refuseUnlessReadable(path, kind, await handle.stat());
    const limit = INPUT_LIMITS[kind];
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw tooLarge(path, kind, `more than ${limit} bytes`);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** The same rules, synchronously: for hosts that must answer at once (TypeScript's config reader). */
export function readRegularFileSync(path: string, kind: InputKind): Buffer {
  refuseUnlessReadable(path, kind, statSync(path));
  const descriptor = openSync(path, OPEN_FLAGS);
  try {
    refuseUnlessReadable(path, kind, fstatSync(descriptor));
    const limit = INPUT_LIMITS[kind];
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const bytesRead = readSync(descriptor, chunk, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw tooLarge(path, kind, `more than ${limit} bytes`);
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(descriptor);
  }
}

/** Whether a path names a regular file within the kind's limit; throws UnreadableInputError when it does not. */
export function refuseUnlessReadable(path: string, kind: InputKind, stats: Stats): void {
  if (!stats.isFile()) {
    const why = `layerlint reads only regular files, so ${INPUT_NOUNS[kind]} must be one`;
    throw new UnreadableInputError(path, `not a regular file (${fileType(stats)}): ${why}`);
  }
  if (stats.size > INPUT_LIMITS[kind]) throw tooLarge(path, kind, `${stats.size} bytes`);
}

function tooLarge(path: string, kind: InputKind, size: string): UnreadableInputError {
  const limit = `the ${describeLimit(INPUT_LIMITS[kind])} limit for ${INPUT_NOUNS[kind]}`;
  return new UnreadableInputError(path, `the file is ${size}, over ${limit}: is it the right file?`);
}

function fileType(stats: Stats): string {
  if (stats.isFIFO()) return "a named pipe";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isSocket()) return "a socket";
  if (stats.isDirectory()) return "a folder";
  return "not a file";
}
