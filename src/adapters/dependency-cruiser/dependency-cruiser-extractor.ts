import { dirname, isAbsolute, join } from "node:path";
import { cruise, type ICruiseOptions, type ICruiseResult, type IDependency, type IModule } from "dependency-cruiser";
import type { DependencyExtractor, ReadBoundary } from "../../application/ports.js";
import { readTsconfig } from "../typescript/read-tsconfig.js";
import { refuseUnreadableManifests } from "./installed-manifests.js";
import { NODE_MODULES_REGEX } from "../../domain/compile/compile-rules.js";
import { DependencyFailure, FileSystemFailure } from "../../domain/errors.js";
import type { DependencyTarget, GraphDependency, GraphModule, ModuleGraph } from "../../domain/graph/module-graph.js";
import { dependencyCruiserFailed } from "./failure-message.js";

const NODE_MODULES = new RegExp(NODE_MODULES_REGEX);
/** Modules outside the map's folder (reached through tsconfig paths or `../`) are named, never read. */
const OUTSIDE_BASE_DIR = "^\\.\\./";

export const dependencyCruiserExtractor: DependencyExtractor = createDependencyCruiserExtractor(loadTsConfig);

/**
 * For a long-lived session that cruises one changed file at a time: the tsconfig is parsed once (TypeScript
 * lists every file it includes while parsing it, which took most of a one-file cruise on a large tree) and
 * again after `forget`, which the session calls when a tsconfig or package.json changes.
 */
export function rememberingDependencyCruiserExtractor(): DependencyExtractor {
  const parsed = new Map<string, unknown>();
  const extractor = createDependencyCruiserExtractor((baseDir, fileName, boundary) => {
    const key = JSON.stringify([baseDir, fileName, boundary]);
    if (!parsed.has(key)) parsed.set(key, loadTsConfig(baseDir, fileName, boundary));
    return parsed.get(key);
  });
  return { ...extractor, forget: () => parsed.clear() };
}

function createDependencyCruiserExtractor(
  tsconfigOf: (baseDir: string, fileName: string, boundary: ReadBoundary) => unknown,
): DependencyExtractor {
  return {
    async extract(files, options, hints) {
      if (files.length === 0) return { modules: [] };
      const boundary = hints?.boundary ?? { root: options.baseDir, allowOutside: false };
      const tsConfig = options.tsConfig ? tsconfigOf(options.baseDir, options.tsConfig.fileName, boundary) : undefined;
      // dependency-cruiser and its resolver read these package.json files themselves, with no size limit.
      await refuseUnreadableManifests(options.baseDir);
      let result: ICruiseResult;
      try {
        const confined = { ...options, doNotFollow: { path: [...options.doNotFollow.path, OUTSIDE_BASE_DIR] } };
        // No bustTheCache: it rebuilds the resolver for every import; each cruise() already starts with fresh
        // resolver caches.
        const resolveOptions =
          hints === undefined || Object.keys(hints.aliases).length === 0 ? {} : { alias: { ...hints.aliases } };
        const reported = await cruise(
          [...files],
          confined as unknown as ICruiseOptions,
          resolveOptions,
          tsConfig ? { tsConfig } : {},
        );
        result = reported.output as ICruiseResult;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") {
          const path = (error as NodeJS.ErrnoException).path ?? "a file";
          throw new FileSystemFailure(
            `${path} disappeared during the run (deleted or moved while dependency-cruiser read the tree): ` +
              "run layerlint again",
            error,
          );
        }
        const message = error instanceof Error ? error.message : String(error);
        if (message.includes("cowardly refusing to run")) {
          throw new DependencyFailure(
            "dependency-cruiser refuses a regular expression of the compiled configuration as too slow: it joins all exclude globs into one, so use fewer exclude globs with wildcards (one `**/*.test.ts` instead of one per folder)",
            error,
          );
        }
        throw new DependencyFailure(dependencyCruiserFailed(message), error);
      }
      return toModuleGraph(result);
    },
  };
}

function loadTsConfig(baseDir: string, fileName: string, boundary: ReadBoundary): unknown {
  const absolute = isAbsolute(fileName) ? fileName : join(baseDir, fileName);
  const parsed = readTsconfig(absolute, baseDir, boundary);
  if (parsed.options.paths === undefined || parsed.options.baseUrl !== undefined) return parsed;
  // Without a baseUrl, dependency-cruiser gives its paths plugin "./", which it resolves against the process's
  // folder: run from a subfolder, every paths alias went unresolved. A baseUrl makes the plugin read the
  // tsconfig's own.
  const pathsBase = (parsed.options as { pathsBasePath?: string }).pathsBasePath ?? dirname(absolute);
  return { ...parsed, options: { ...parsed.options, baseUrl: pathsBase } };
}

export function toModuleGraph(result: ICruiseResult): ModuleGraph {
  const modules: GraphModule[] = result.modules.filter(isLocalModule).map((module) => ({
    source: module.source,
    dependencies: module.dependencies.map(toDependency),
  }));
  return { modules };
}

function isLocalModule(module: IModule): boolean {
  return !module.coreModule && !module.couldNotResolve && !NODE_MODULES.test(module.source);
}

function toDependency(dependency: IDependency): GraphDependency {
  return {
    specifier: `${dependency.protocol ?? ""}${dependency.module}`,
    resolved: dependency.resolved,
    target: targetOf(dependency),
    typeOnly: dependency.dependencyTypes.includes("type-only"),
    dependencyTypes: dependency.dependencyTypes,
    brokenRules: (dependency.rules ?? []).map((rule) => rule.name),
  };
}

function targetOf(dependency: IDependency): DependencyTarget {
  if (dependency.coreModule) return "builtin";
  if (dependency.couldNotResolve) return "unresolved";
  return NODE_MODULES.test(dependency.resolved) ? "package" : "local";
}
