import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { mapInBatches } from "../../application/map-in-batches.js";
import { readRegularFile } from "../file-system/regular-file-reader.js";

/** Content hashes of files under one folder, each file read at most once per run; null when it cannot be read. */
export interface ContentHashes {
  of(relativePath: string): Promise<string | null>;
  /** Whether a path (relative to the folder, possibly `../` or under node_modules) exists. */
  exists(relativePath: string): Promise<boolean>;
}

export function createContentHashes(rootDir: string): ContentHashes {
  const hashes = new Map<string, Promise<string | null>>();
  return {
    of(relativePath) {
      let hash = hashes.get(relativePath);
      if (hash === undefined) {
        hash = readRegularFile(join(rootDir, relativePath), "cache").then(hashBytes, () => null);
        hashes.set(relativePath, hash);
      }
      return hash;
    },
    exists: (relativePath) =>
      stat(join(rootDir, relativePath)).then(
        () => true,
        () => false,
      ),
  };
}

export function hashBytes(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("base64url");
}

/** Hashes many files with a bounded number of reads in flight. */
export async function hashAll(hashes: ContentHashes, files: readonly string[]): Promise<Map<string, string | null>> {
  const found = await mapInBatches(files, 128, (file) => hashes.of(file));
  return new Map(files.map((file, index) => [file, found[index] ?? null]));
}
