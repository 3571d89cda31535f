import { openCheckCache, type CheckCache, type CheckCacheSettings } from "../adapters/cache/check-cache.js";
import { nodeFileSystem } from "../adapters/file-system/node-file-system.js";
import { nodeFileWatcher } from "../adapters/file-system/node-file-watcher.js";
import { gitVersionControl } from "../adapters/git/git-version-control.js";
import { vizSvgRenderer } from "../adapters/graphviz/viz-svg-renderer.js";
import { presetLocator } from "../adapters/presets/preset-locator.js";
import { typescriptBarrelReader } from "../adapters/typescript/barrel-reader.js";
import { typescriptSourceInspector } from "../adapters/typescript/source-inspector.js";
import { inThreadSyntaxChecker } from "../adapters/typescript/in-thread-syntax-checker.js";
import { workerSyntaxChecker } from "../adapters/typescript/worker-syntax-checker.js";
import { yamlReader } from "../adapters/yaml/yaml-reader.js";
import type { CheckPorts, DependencyExtractor } from "../application/ports.js";
import { workerThreadFlags } from "./worker-thread-flags.js";

const threadFlags = workerThreadFlags();
const workerSyntax = workerSyntaxChecker(threadFlags);

/** The composition root: the only place that names concrete adapters. */
export function defaultPorts(overrides: Partial<CheckPorts> = {}): CheckPorts {
  return {
    fileSystem: nodeFileSystem,
    readPolicy: { allowOutside: false },
    extractor: lazyDependencyCruiserExtractor,
    inspector: typescriptSourceInspector,
    syntax: workerSyntax,
    yaml: yamlReader,
    presets: presetLocator,
    versionControl: gitVersionControl,
    svg: vizSvgRenderer,
    barrels: typescriptBarrelReader,
    watcher: nodeFileWatcher,
    ...overrides,
  };
}

/**
 * An extractor that imports its adapter module only when something may be cruised: the calling thread of a cached
 * check never loads dependency-cruiser (nor the TypeScript it loads). `prepared`: told `prepare`, it loads the
 * module then, for an adapter whose own `prepare` works off the calling thread.
 */
function lazyExtractor(load: () => Promise<DependencyExtractor>, prepared = false): DependencyExtractor {
  let loaded: DependencyExtractor | null = null;
  const extractor: DependencyExtractor = {
    async extract(files, options, hints) {
      loaded = await load();
      return loaded.extract(files, options, hints);
    },
    forget: () => loaded?.forget?.(),
  };
  if (!prepared) return extractor;
  let wanted = false;
  return {
    ...extractor,
    prepare() {
      wanted = true;
      // A failure to load is the cruise's to report, when one comes.
      load().then(
        (adapter) => {
          loaded = adapter;
          if (wanted) adapter.prepare?.();
        },
        () => undefined,
      );
    },
    release() {
      wanted = false;
      loaded?.release?.();
    },
  };
}

/** In a worker thread with a deep stack (see worker-dependency-extractor.ts), loaded while the analysis starts. */
let inWorkers: Promise<DependencyExtractor> | null = null;
const lazyDependencyCruiserExtractor = lazyExtractor(
  () =>
    (inWorkers ??= import("../adapters/dependency-cruiser/worker-dependency-extractor.js").then((adapter) =>
      adapter.workerDependencyExtractor(threadFlags),
    )),
  true,
);

/**
 * The same extraction on the calling thread, for the language server: it hands dependency-cruiser an
 * editor's unsaved texts by patching `fs.readFileSync`, which a worker thread would never see; the tsconfig
 * is parsed once per session (until `forget`). An injected extractor is kept.
 */
export function onCallingThread(extractor: DependencyExtractor): DependencyExtractor {
  if (extractor !== lazyDependencyCruiserExtractor) return extractor;
  let session: DependencyExtractor | null = null;
  return lazyExtractor(async () => {
    if (session === null) {
      // Before dependency-cruiser loads: each rule's regular expression is checked once per session, not per cruise.
      (await import("../adapters/dependency-cruiser/remember-safe-regex-verdicts.js")).rememberSafeRegexVerdicts();
      session = (
        await import("../adapters/dependency-cruiser/dependency-cruiser-extractor.js")
      ).rememberingDependencyCruiserExtractor();
    }
    return session;
  });
}

/**
 * The check's extractor and syntax checker behind the per-file cache (see the README's "The cache").
 * Its key names dependency-cruiser's and TypeScript's versions, so it stores only their answers: null
 * when a caller injected other adapters (the syntax check on the calling thread gives the worker's answers).
 */
export async function withCheckCache(ports: CheckPorts, settings: CheckCacheSettings): Promise<CheckCache | null> {
  if (
    ports.extractor !== lazyDependencyCruiserExtractor ||
    (ports.syntax !== workerSyntax && ports.syntax !== inThreadSyntaxChecker) ||
    ports.inspector !== typescriptSourceInspector
  )
    return null;
  return openCheckCache(ports, settings);
}
