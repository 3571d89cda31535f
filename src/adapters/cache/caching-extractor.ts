import { mapConcurrently } from "../../application/map-concurrently.js";
import type { DependencyExtractor, FileSystem, ResolutionHints } from "../../application/ports.js";
import type { CruiseOptions } from "../../domain/compile/rule-set.js";
import type { GraphDependency, GraphModule, ModuleGraph } from "../../domain/graph/module-graph.js";
import { defined } from "../../domain/collections/defined.js";
import { reachableFrom } from "../../domain/graph/replace-modules.js";
import { cacheFile } from "./cache-file.js";
import { graphKey, type ToolVersions } from "./cache-key.js";
import { graphCacheSchema, type GraphCacheFile } from "./cache-schemas.js";
import { hashAll, type ContentHashes } from "./content-hashes.js";
import { createResolutionProbes, type ResolutionProbes } from "./resolution-probes.js";
import type { TsconfigMemo } from "./tsconfig-resolution.js";

export type GraphCacheOutcome =
  | { readonly run: "warm"; readonly modules: number }
  | { readonly run: "partial"; readonly modules: number; readonly recruised: readonly string[] }
  | { readonly run: "cold"; readonly modules: number; readonly reason: string };

export interface CachingExtractorSettings {
  readonly inner: DependencyExtractor;
  readonly fileSystem: FileSystem;
  readonly hashes: ContentHashes;
  readonly versions: ToolVersions;
  readonly file: string;
  readonly warn: (message: string) => void;
  readonly report: (outcome: GraphCacheOutcome) => void;
}

/**
 * The extractor's answer per file, reused while the file's content and everything that can change its
 * resolution (see graphKey) are unchanged; the answer is always what a cold run would give.
 */
export function cachingExtractor(settings: CachingExtractorSettings): DependencyExtractor {
  const { inner, hashes } = settings;
  return {
    // Not yet: only the cache tells whether anything will be cruised (the inner extractor is prepared once it does).
    prepare: () => undefined,
    release: () => inner.release?.(),
    async extract(files, options, hints) {
      // Hashed while the graph's cache file is read: a changed file starts the inner extractor's loading then.
      const hashing = hashAll(hashes, files);
      const read = await cacheFile(settings.fileSystem, settings.file, graphCacheSchema, settings.warn).read();
      if (read.state !== "read") inner.prepare?.();
      const previousTsconfig = read.state === "read" ? tsconfigMemo(read.value.tsconfig) : undefined;
      const graphKeyed = await graphKey(settings.versions, files, options, hints, previousTsconfig);
      const { key, resolution } = graphKeyed;
      const probes = createResolutionProbes(resolution);
      const stored = { key, probes, tsconfig: graphKeyed.tsconfig };
      const cold = async (reason: string): Promise<ModuleGraph> => {
        inner.prepare?.();
        // Hashed before the cruise: a file edited meanwhile is stored with its old hash,
        // so the next run cruises it again.
        await hashing;
        const graph = await inner.extract(files, options, hints);
        await store(settings, stored, files, graph);
        settings.report({ run: "cold", modules: graph.modules.length, reason });
        return graph;
      };
      if (read.state === "missing") return cold("no cache yet");
      if (read.state === "corrupt") return cold("corrupt cache file");
      const cached = read.value;
      if (cached.key !== key) return cold("the files, configuration or versions changed");
      if (!(await allPresent(hashes, cached.present))) return cold("a resolved package or outside file disappeared");

      const cachedHashes = new Map(cached.hashes);
      // The graph's own modules, whatever else the file lists: a stray path there is data, never a file to cruise.
      const inside = cached.graph.modules.map((module) => module.source).filter((source) => !source.startsWith("../"));
      const tracked = [...new Set([...files, ...inside])];
      const current = await hashAll(hashes, tracked);
      const changed = tracked.filter(
        (file) => current.get(file) !== cachedHashes.get(file) || current.get(file) === null,
      );
      if (changed.length > 0) inner.prepare?.();
      const isChanged = new Set(changed);
      // A file added, removed, renamed or linked where one of a module's imports could resolve to it.
      const cachedProbes = new Map(cached.probes);
      const looked = await fingerprints(probes, cached.graph.modules);
      for (const [source, fingerprint] of looked) {
        if (!isChanged.has(source) && cachedProbes.get(source) !== fingerprint) {
          changed.push(source);
          isChanged.add(source);
        }
      }
      if (changed.length === 0) {
        settings.report({ run: "warm", modules: cached.graph.modules.length });
        return cached.graph;
      }
      // A followed module (not a root) that is gone: its importers' fingerprints changed, so they are re-cruised.
      const roots = new Set(files);
      const gone = new Set(changed.filter((file) => current.get(file) === null && !roots.has(file)));
      const merged = await recruise(inner, cached.graph, files, changed.sort(), gone, options, hints);
      if (typeof merged === "string") return cold(merged);
      await store(settings, stored, files, merged);
      settings.report({ run: "partial", modules: merged.modules.length, recruised: changed });
      return merged;
    },
  };
}

/**
 * Re-cruises only the changed files (maxDepth 1: their own dependencies, resolved and judged by the
 * rules by dependency-cruiser itself) and puts them in the cached graph. Returns the reason for a cold run
 * when one is needed.
 */
async function recruise(
  inner: DependencyExtractor,
  cached: ModuleGraph,
  roots: readonly string[],
  changed: readonly string[],
  gone: ReadonlySet<string>,
  options: CruiseOptions,
  hints: ResolutionHints | undefined,
): Promise<ModuleGraph | string> {
  const most = mostRecruised(roots.length);
  if (changed.length > most) return `more than ${most} files changed`;
  // One cruise per file: with several roots and maxDepth 1, dependency-cruiser lists a root it first
  // met as another root's dependency without extracting its own dependencies.
  const freshBySource = new Map<string, GraphModule>();
  for (const file of changed) {
    if (gone.has(file)) continue;
    const fresh = await inner.extract([file], { ...options, maxDepth: 1 }, hints);
    const module = fresh.modules.find((candidate) => candidate.source === file);
    if (module !== undefined) freshBySource.set(file, module);
  }
  const bySource = new Map(cached.modules.map((module) => [module.source, module]));
  const added: GraphModule[] = [];
  for (const file of gone) bySource.delete(file);
  const kept = changed.filter((file) => !gone.has(file));
  if (kept.some((file) => !freshBySource.has(file))) return "a changed file was not cruised";
  // New files first: one may import another.
  for (const file of kept) {
    if (bySource.has(file)) continue;
    const module = defined(freshBySource.get(file), "the cruise of a new file");
    bySource.set(file, module);
    added.push(module);
  }
  for (const file of kept) {
    const before = defined(bySource.get(file), "the module of a changed file");
    const after = defined(freshBySource.get(file), "the cruise of a changed file");
    if (before !== after && sameEdges(before, after)) continue;
    for (const dependency of after.dependencies) {
      if (dependency.target !== "local" || bySource.has(dependency.resolved)) continue;
      // A file outside the map's folder is named, never read: the cold cruise lists it without dependencies.
      if (!dependency.resolved.startsWith("../")) return "a changed file imports a module the graph did not reach";
      const named: GraphModule = { source: dependency.resolved, dependencies: [] };
      bySource.set(named.source, named);
      added.push(named);
    }
    bySource.set(file, after);
  }
  const merged = [...cached.modules.filter((module) => !gone.has(module.source)), ...added].map(
    (module) => bySource.get(module.source) as GraphModule,
  );
  if (merged.some((module) => module.dependencies.some((dependency) => gone.has(dependency.resolved))))
    return "a file still imported disappeared";
  return { modules: reachable(merged, roots) };
}

/**
 * Beyond this many changed files one cold cruise is cheaper than a cruise per file: a file re-cruised costs about
 * 4 to 10 ms (one worker answers them all, each rule's regex checked once), a cold cruise about 1 ms per file,
 * and loading the worker is paid either way.
 */
function mostRecruised(files: number): number {
  return Math.max(16, Math.floor(files / 10));
}

/** The same imports resolved the same way and breaking the same rules. */
function sameEdges(before: GraphModule, after: GraphModule): boolean {
  const edges = (module: GraphModule) =>
    JSON.stringify(
      module.dependencies.map((dependency: GraphDependency) => [
        dependency.specifier,
        dependency.resolved,
        dependency.target,
        dependency.typeOnly,
        dependency.dependencyTypes,
        dependency.brokenRules,
      ]),
    );
  return edges(before) === edges(after);
}

/** The modules a cold run would list: the roots and what they reach, in the cold run's order. */
function reachable(modules: readonly GraphModule[], roots: readonly string[]): GraphModule[] {
  const seen = reachableFrom(new Map(modules.map((module) => [module.source, module])), roots);
  return modules.filter((module) => seen.has(module.source));
}

/** The resolution fingerprint of every module inside the map's folder (those outside are named, never read). */
async function fingerprints(probes: ResolutionProbes, modules: readonly GraphModule[]): Promise<Map<string, string>> {
  const inside = modules.filter((module) => !module.source.startsWith("../"));
  const found = await mapConcurrently(
    inside,
    64,
    async (module) => [module.source, await probes.fingerprintOf(module)] as const,
  );
  return new Map(found);
}

async function allPresent(hashes: ContentHashes, paths: readonly string[]): Promise<boolean> {
  const found = await Promise.all(paths.map((path) => hashes.exists(path)));
  return found.every(Boolean);
}

async function store(
  settings: CachingExtractorSettings,
  { key, probes, tsconfig }: { key: string; probes: ResolutionProbes; tsconfig: TsconfigMemo | undefined },
  files: readonly string[],
  graph: ModuleGraph,
): Promise<void> {
  const inside = graph.modules.map((module) => module.source).filter((source) => !source.startsWith("../"));
  const current = await hashAll(settings.hashes, [...new Set([...files, ...inside])]);
  const hashes: [string, string][] = [];
  for (const [file, hash] of current) {
    // A file that could not be read has no answer to reuse: the next run re-cruises it.
    if (hash !== null) hashes.push([file, hash]);
  }
  const modules = new Set(graph.modules.map((module) => module.source));
  const present = new Set<string>(
    graph.modules.map((module) => module.source).filter((source) => source.startsWith("../")),
  );
  for (const module of graph.modules) {
    for (const dependency of module.dependencies) {
      if ((dependency.target === "local" || dependency.target === "package") && !modules.has(dependency.resolved))
        present.add(dependency.resolved);
    }
  }
  const value: GraphCacheFile = {
    key,
    hashes,
    probes: [...(await fingerprints(probes, graph.modules))],
    present: [...present].sort(),
    graph: { modules: graph.modules.map(plainModule) },
    tsconfig:
      tsconfig === undefined
        ? null
        : {
            path: tsconfig.path,
            looked: tsconfig.looked.map(([path, state]) => [path, state]),
            resolution: {
              paths: Object.entries(tsconfig.resolution.paths).map(([pattern, targets]) => [pattern, [...targets]]),
              pathsBase: tsconfig.resolution.pathsBase,
              baseUrl: tsconfig.resolution.baseUrl ?? null,
            },
          },
  };
  await cacheFile(settings.fileSystem, settings.file, graphCacheSchema, settings.warn).write(value);
}

function tsconfigMemo(stored: GraphCacheFile["tsconfig"]): TsconfigMemo | undefined {
  if (stored === null) return undefined;
  return {
    path: stored.path,
    looked: stored.looked,
    resolution: {
      // fromEntries defines own properties: a `__proto__` pattern stays a pattern.
      paths: Object.fromEntries(stored.resolution.paths),
      pathsBase: stored.resolution.pathsBase,
      baseUrl: stored.resolution.baseUrl ?? undefined,
    },
  };
}

/** Exactly the fields the schema reads back (a module seen through barrels keeps its `via`). */
function plainModule(module: GraphModule): GraphCacheFile["graph"]["modules"][number] {
  return {
    source: module.source,
    dependencies: module.dependencies.map((dependency) => ({
      specifier: dependency.specifier,
      resolved: dependency.resolved,
      target: dependency.target,
      typeOnly: dependency.typeOnly,
      dependencyTypes: [...dependency.dependencyTypes],
      brokenRules: [...dependency.brokenRules],
      ...(dependency.via === undefined ? {} : { via: [...dependency.via] }),
    })),
  };
}
