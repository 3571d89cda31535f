import { availableParallelism } from "node:os";
import { relative, sep } from "node:path";
import { findWorkspaceMaps } from "../../application/find-workspace-maps.js";
import { loadLayerMap, type LoadedLayerMap } from "../../application/load-layer-map.js";
import { mapConcurrently } from "../../application/map-concurrently.js";
import type { CheckPorts } from "../../application/ports.js";
import { UsageError } from "../../domain/errors.js";
import type { CheckReport } from "../../domain/report/check-report.js";
import { mergeReports, workspaceWithoutMapWarning, type MapReport } from "../../domain/report/merge-reports.js";
import { rebaseReport } from "../../domain/report/rebase-report.js";
import { applyStrictness } from "../../domain/report/strictness.js";
import { applyWarningLevels, combineWarningLevels } from "../../domain/report/warning-levels.js";
import type { CliEnvironment } from "../cli-environment.js";
import { cachedAnalysis } from "./cached-analysis.js";
import { prepareGates } from "./check-gate-options.js";
import type { CheckCommandOptions } from "./check-command-options.js";

export interface WorkspacesReport {
  /** One report over every map, in the current folder's coordinates, with strictness applied to it as a whole. */
  readonly report: CheckReport;
  /** Milliseconds per phase, summed over the maps. */
  readonly timings: Readonly<Record<string, number>>;
  /** What each map's cache answered, one line per map naming its folder. */
  readonly cacheLines: readonly string[];
}

/**
 * `check --workspaces`: the own map of every workspace package, each checked as `layerlint check` in that
 * package would check it (its cache included), then rebased to the current folder and merged into one report.
 * Every map is read before any is analysed, so a broken map fails the run at once. Packages are analysed
 * `--concurrency` at a time (default: half the cores, at least one), each cruise in its own worker thread; the
 * report is the same whatever the number, since the parts are merged in the maps' order.
 */
export async function workspacesReport(
  environment: CliEnvironment,
  ports: CheckPorts,
  paths: readonly string[],
  options: CheckCommandOptions,
): Promise<WorkspacesReport> {
  refuseWithWorkspaces(paths, options);
  const { maps, unmapped } = await findWorkspaceMaps(ports, environment.cwd);
  const loadedMaps: LoadedLayerMap[] = [];
  for (const mapFile of maps) loadedMaps.push(await loadLayerMap(ports, mapFile, environment.cwd));

  const fromHere = (path: string) => relative(environment.cwd, path).split(sep).join("/");
  // Only --changed narrows each package; --max-warnings and --fail-on-unresolved judge the merged report.
  const perPackageGates = {
    staleBaseline: "error",
    updateBaseline: false,
    failOnUnresolved: false,
    ...(options.warnings === undefined ? {} : { warnings: options.warnings }),
    ...(options.changed === undefined ? {} : { changed: options.changed }),
  } as const;
  const concurrency = Math.min(options.concurrency ?? defaultConcurrency(), loadedMaps.length);
  // Progress lines of packages checked at once would interleave: the merged report is the progress.
  const packageOptions = concurrency > 1 ? { ...options, progress: false } : options;
  const checked = await mapConcurrently(loadedMaps, concurrency, async (loaded) => {
    const gate = await prepareGates(
      environment,
      ports,
      loaded.rootDir,
      [],
      perPackageGates,
      loaded.map.options.warnings,
    );
    const { analysed, cacheSummary } = await cachedAnalysis(environment, ports, loaded, [], packageOptions);
    const placement = { folder: fromHere(loaded.rootDir), map: fromHere(loaded.mapFile) };
    const part: MapReport = { map: placement.map, report: rebaseReport(await gate(analysed.report), placement) };
    return {
      part,
      timings: analysed.timings,
      cacheLine: cacheSummary === null ? null : `${placement.folder}: ${cacheSummary}`,
    };
  });
  const parts = checked.map(({ part }) => part);
  const timings: Record<string, number> = {};
  for (const each of checked)
    for (const [phase, ms] of Object.entries(each.timings)) timings[phase] = (timings[phase] ?? 0) + ms;
  const cacheLines = checked.flatMap(({ cacheLine }) => (cacheLine === null ? [] : [cacheLine]));
  const merged = mergeReports(
    parts,
    unmapped.map((folder) => workspaceWithoutMapWarning(fromHere(folder))),
  );
  const runWarningWithoutMap = options.warnings?.["workspace-without-map"];
  const leveled = applyWarningLevels(
    merged,
    combineWarningLevels(
      {},
      runWarningWithoutMap === undefined ? {} : { "workspace-without-map": runWarningWithoutMap },
    ),
  );
  return {
    report: applyStrictness(leveled, {
      maxWarnings: options.maxWarnings ?? null,
      failOnUnresolved: options.failOnUnresolved,
    }),
    timings,
    cacheLines,
  };
}

/**
 * One package's check keeps about 1.2 cores busy (its cruise's thread beside the calling thread, and V8's own
 * threads): on two cores, two packages at once took more CPU, more memory and longer than one at a time.
 */
export function defaultConcurrency(cores: number = availableParallelism()): number {
  return Math.max(1, Math.floor(cores / 2));
}

/** What names one map, or watches one, has no meaning over several maps. */
function refuseWithWorkspaces(paths: readonly string[], options: CheckCommandOptions): void {
  const refused: [boolean, string][] = [
    [options.config !== undefined, "--config: it checks each workspace package's own layers.yaml"],
    [options.watch === true, "--watch: watch one package with `layerlint check --watch` in its folder"],
    [
      options.baseline !== undefined || options.updateBaseline || options.staleBaseline === "warn",
      "--baseline: a baseline belongs to one map; check that package in its folder with its baseline",
    ],
    [paths.length > 0, "PATHS: it checks whole packages; pass PATHS to `layerlint check` in a package's folder"],
  ];
  const found = refused.find(([given]) => given);
  if (found !== undefined) throw new UsageError(`--workspaces cannot be combined with ${found[1]}`);
}
