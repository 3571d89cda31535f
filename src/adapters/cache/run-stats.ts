import type { BigIntStats } from "node:fs";
import { stat } from "node:fs/promises";
import type { FileSystem } from "../../application/ports.js";

/**
 * Each path's stat taken once in one run, so the listing's size check and the cache's stat signature share a
 * single call per file. A run's object only: a file changed after its stat is seen by the next run.
 */
export interface RunStats {
  /** The stat of the file (symbolic links followed); rejects as `stat` does when there is none. */
  of(absolutePath: string): Promise<BigIntStats>;
}

export type StatCall = (path: string, options: { bigint: true }) => Promise<BigIntStats>;

export function createRunStats(statCall: StatCall = stat): RunStats {
  const taken = new Map<string, Promise<BigIntStats>>();
  return {
    of(absolutePath) {
      let stats = taken.get(absolutePath);
      if (stats === undefined) {
        stats = statCall(absolutePath, { bigint: true });
        // Each caller handles the failure itself; the stored promise must not count as unhandled meanwhile.
        stats.catch(() => undefined);
        taken.set(absolutePath, stats);
      }
      return stats;
    },
  };
}

/** The file system with a regular file's size taken from the run's stats; anything else it answers itself. */
export function sizesFromRunStats(fileSystem: FileSystem, stats: RunStats): FileSystem {
  return {
    ...fileSystem,
    fileSize: (absolutePath) =>
      stats.of(absolutePath).then(
        (found) => (found.isFile() ? Number(found.size) : null),
        // No stat: the file system names the failure (or answers null for a missing file) as it always does.
        () => fileSystem.fileSize(absolutePath),
      ),
  };
}
