import type { BigIntStats } from "node:fs";
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { mapConcurrently } from "../../application/map-concurrently.js";
import { readRegularFile } from "../file-system/regular-file-reader.js";
import { createRunStats, type RunStats } from "./run-stats.js";

/** Content hashes of files under one folder, each file read at most once per run; null when it cannot be read. */
export interface ContentHashes {
  of(relativePath: string): Promise<string | null>;
  /** Whether a path (relative to the folder, possibly `../` or under node_modules) exists. */
  exists(relativePath: string): Promise<boolean>;
  /** The hashes the next run may take on the strength of a file's stat alone (see createContentHashes). */
  trusted(): StatTrustedHashes;
}

/** Per path, the stat signature of the file and the hash of the content it had with that stat. */
export type StatTrustedHashes = ReadonlyMap<string, { readonly stat: string; readonly hash: string }>;

export interface ContentHashOptions {
  /** What an earlier run recorded: a file whose stat is unchanged is not read again. */
  readonly trusted?: StatTrustedHashes;
  /** Milliseconds since the epoch, on the clock the file system stamps files with. */
  readonly now?: () => number;
  /**
   * Told once, as soon as a file read has another content than the one recorded with its stat (or none was
   * recorded): something changed since the earlier run, before all files are hashed.
   */
  readonly onChanged?: () => void;
  /** The run's stats, shared with whatever else stats the same files; default: this object's own. */
  readonly stats?: RunStats;
}

/**
 * A file changed less than this long before it was read is hashed again next run, whatever its stat: a
 * write in the same tick of the file system's clock (FAT's is 2 s) after the read could leave it unchanged.
 */
export const STAT_TRUST_AFTER_MS = 3_000;

/**
 * A file's hash is taken from an earlier run without reading the file when its stat signature (device,
 * inode, size, modification and change times to the nanosecond) is the one recorded with that hash, as git
 * trusts its index. Any write, truncation, rename over the file or `touch` changes the change time, which
 * no program can set back; a hash is recorded only when the file's last change was over
 * STAT_TRUST_AFTER_MS before the read, so a later write cannot share its time stamp.
 */
export function createContentHashes(rootDir: string, options: ContentHashOptions = {}): ContentHashes {
  const previous: StatTrustedHashes = options.trusted ?? new Map();
  const now = options.now ?? Date.now;
  const stats = options.stats ?? createRunStats();
  let changeTold = false;
  const hashes = new Map<string, Promise<string | null>>();
  const trusted = new Map<string, { stat: string; hash: string }>();
  const hashOf = async (relativePath: string): Promise<string | null> => {
    const path = join(rootDir, relativePath);
    const found = await stats.of(path).catch(() => null);
    const signature = found?.isFile() === true ? statSignature(found) : null;
    const recorded = previous.get(relativePath);
    if (signature !== null && recorded?.stat === signature) {
      trusted.set(relativePath, recorded);
      return recorded.hash;
    }
    const readAt = now();
    const hash = await readRegularFile(path, "cache").then(hashBytes, () => null);
    if (hash !== recorded?.hash && !changeTold) {
      changeTold = true;
      options.onChanged?.();
    }
    if (hash !== null && signature !== null && found !== null && changedBefore(found, readAt - STAT_TRUST_AFTER_MS))
      trusted.set(relativePath, { stat: signature, hash });
    return hash;
  };
  return {
    of(relativePath) {
      let hash = hashes.get(relativePath);
      if (hash === undefined) {
        hash = hashOf(relativePath);
        hashes.set(relativePath, hash);
      }
      return hash;
    },
    exists: (relativePath) =>
      stat(join(rootDir, relativePath)).then(
        () => true,
        () => false,
      ),
    trusted: () => trusted,
  };
}

function statSignature(stats: BigIntStats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

/** Both time stamps before the moment, a modification time set into the future included. */
function changedBefore(stats: BigIntStats, milliseconds: number): boolean {
  const limit = BigInt(Math.floor(milliseconds)) * 1_000_000n;
  return stats.mtimeNs < limit && stats.ctimeNs < limit;
}

export function hashBytes(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("base64url");
}

/** Hashes many files with a bounded number of reads in flight. */
export async function hashAll(hashes: ContentHashes, files: readonly string[]): Promise<Map<string, string | null>> {
  const found = await mapConcurrently(files, 128, (file) => hashes.of(file));
  return new Map(files.map((file, index) => [file, found[index] ?? null]));
}
