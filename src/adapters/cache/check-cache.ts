import { join } from "node:path";
import type { CheckPorts } from "../../application/ports.js";
import { syntaxKey, toolVersions } from "./cache-key.js";
import { cachingExtractor, type GraphCacheOutcome } from "./caching-extractor.js";
import { cachingLoopStore } from "./caching-loop-store.js";
import { cachingSourceInspector } from "./caching-source-inspector.js";
import { cachingSyntaxChecker, type SyntaxCacheOutcome } from "./caching-syntax-checker.js";
import { cacheFile } from "./cache-file.js";
import { statsCacheSchema } from "./cache-schemas.js";
import { createContentHashes, hashBytes, type StatTrustedHashes } from "./content-hashes.js";
import { createRunStats, sizesFromRunStats } from "./run-stats.js";

export interface CheckCacheSettings {
  /** The folder holding the cache files; created when first written. */
  readonly dir: string;
  readonly rootDir: string;
  readonly mapFile: string;
  /** The clock the files' stats are compared with; default Date.now. */
  readonly now?: () => number;
  /** Called with a message for stderr when a cache file is discarded or cannot be written. */
  readonly warn: (message: string) => void;
}

export interface CheckCache {
  /**
   * The ports with the extractor, the syntax checker and the import locator answering from the cache where it is still
   * exact.
   */
  readonly ports: CheckPorts;
  /**
   * Writes what the run located, the loops it found and the hashes the next run may take by stat (the extractor
   * and syntax checker write their own files as they finish).
   */
  flush(): Promise<void>;
  /** One line on what the cache answered, for --timings; empty before a run. */
  summary(): string;
}

/** Wraps the extractor, the syntax checker and the inspector of `ports`; one set of cache files per layer map. */
export async function openCheckCache(ports: CheckPorts, settings: CheckCacheSettings): Promise<CheckCache> {
  const said = new Set<string>();
  const warn = (message: string) => {
    if (!said.has(message)) settings.warn(message);
    said.add(message);
  };
  const versions = toolVersions();
  const id = hashBytes(settings.mapFile).slice(0, 16);
  const stats = cacheFile(ports.fileSystem, join(settings.dir, `check-${id}.stats.json`), statsCacheSchema, warn);
  const readStats = await stats.read();
  const trusted: StatTrustedHashes = new Map(readStats.state === "read" ? readStats.value.files : []);
  // The listing's size check and the hashes' stat signatures take one stat per file.
  const runStats = createRunStats();
  const hashes = createContentHashes(settings.rootDir, {
    trusted,
    stats: runStats,
    // A file changed: a cruise will likely follow, so its worker starts loading while the cache is checked.
    onChanged: () => ports.extractor.prepare?.(),
    ...(settings.now === undefined ? {} : { now: settings.now }),
  });
  let graph: GraphCacheOutcome | null = null;
  let syntax: SyntaxCacheOutcome | null = null;
  const located = await cachingSourceInspector(
    ports.inspector,
    ports.fileSystem,
    syntaxKey(versions),
    join(settings.dir, `check-${id}.imports.json`),
    warn,
  );
  const loops = cachingLoopStore(ports.fileSystem, join(settings.dir, `check-${id}.cycles.json`), warn);
  return {
    async flush() {
      await located.flush();
      await loops.flush();
      const now = hashes.trusted();
      if (!sameEntries(now, trusted)) await stats.write({ files: [...now].sort(([a], [b]) => (a < b ? -1 : 1)) });
    },
    ports: {
      ...ports,
      fileSystem: sizesFromRunStats(ports.fileSystem, runStats),
      loops: loops.store,
      inspector: located.inspector,
      extractor: cachingExtractor({
        inner: ports.extractor,
        fileSystem: ports.fileSystem,
        hashes,
        versions,
        file: join(settings.dir, `check-${id}.graph.json`),
        warn,
        report: (outcome) => (graph = outcome),
      }),
      syntax: cachingSyntaxChecker({
        inner: ports.syntax,
        inspector: ports.inspector,
        fileSystem: ports.fileSystem,
        hashes,
        key: syntaxKey(versions),
        file: join(settings.dir, `check-${id}.syntax.json`),
        warn,
        report: (outcome) => (syntax = outcome),
      }),
    },
    summary() {
      const parts: string[] = [];
      if (graph !== null) parts.push(describeGraph(graph));
      if (syntax !== null) parts.push(`syntax ${syntax.cached} hits, ${syntax.parsed} misses`);
      return parts.length === 0 ? "" : `cache: ${parts.join("; ")}`;
    },
  };
}

function sameEntries(a: StatTrustedHashes, b: StatTrustedHashes): boolean {
  if (a.size !== b.size) return false;
  for (const [path, entry] of a) if (b.get(path) !== entry) return false;
  return true;
}

function describeGraph(outcome: GraphCacheOutcome): string {
  if (outcome.run === "warm") return `graph ${outcome.modules} hits, 0 misses (nothing changed)`;
  if (outcome.run === "partial") {
    const misses = outcome.recruised.length;
    return `graph ${outcome.modules - misses} hits, ${misses} misses (re-cruised ${listed(outcome.recruised)})`;
  }
  return `graph 0 hits, ${outcome.modules} misses (cold: ${outcome.reason})`;
}

function listed(files: readonly string[]): string {
  const shown = 5;
  return files.length <= shown
    ? files.join(", ")
    : `${files.slice(0, shown).join(", ")} and ${files.length - shown} more`;
}
