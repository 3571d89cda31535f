import { join, resolve } from "node:path";
import { analyzeProject, type ProjectAnalysis } from "../../application/analyze-project.js";
import type { LoadedLayerMap } from "../../application/load-layer-map.js";
import type { CheckPorts } from "../../application/ports.js";
import type { CliEnvironment } from "../cli-environment.js";
import { withCheckCache } from "../default-ports.js";
import { createProgress } from "../progress.js";
import { todayOf } from "../today.js";
import type { CheckCommandOptions } from "./check-command-options.js";

export interface CachedAnalysis {
  readonly analysed: ProjectAnalysis;
  /** What the cache answered, for --timings; null without the cache. */
  readonly cacheSummary: string | null;
}

/**
 * One map's project analysed as `check` analyses it: through the cache in the map's folder (or --cache-dir), with
 * progress on stderr.
 */
export async function cachedAnalysis(
  environment: CliEnvironment,
  ports: CheckPorts,
  loaded: LoadedLayerMap,
  only: readonly string[],
  options: CheckCommandOptions,
): Promise<CachedAnalysis> {
  const cache =
    options.cache !== true
      ? null
      : await withCheckCache(ports, {
          dir:
            options.cacheDir === undefined
              ? join(loaded.rootDir, "node_modules", ".cache", "layerlint")
              : resolve(environment.cwd, options.cacheDir),
          rootDir: loaded.rootDir,
          mapFile: loaded.mapFile,
          ...(environment.now === undefined ? {} : { now: environment.now }),
          warn: (message) => environment.stderr.write(`layerlint: warning: ${message}\n`),
        });
  const progress = createProgress(environment.stderr, environment.env, options.progress);
  const request = {
    loaded,
    today: todayOf(environment.env),
    onPhase: progress.phase,
    ...(only.length > 0 ? { only } : {}),
    ...(options.throughBarrels === undefined ? {} : { throughBarrels: options.throughBarrels }),
  };
  const analysed = await analyzeProject(cache?.ports ?? ports, request).finally(progress.stop);
  await cache?.flush();
  return { analysed, cacheSummary: cache === null ? null : cache.summary() };
}
