import { relative, sep } from "node:path";
import { findWorkspaceMaps } from "../../application/find-workspace-maps.js";
import { loadLayerMap, type LoadedLayerMap } from "../../application/load-layer-map.js";
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
 * Every map is read before any is analysed, so a broken map fails the run at once.
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
  const parts: MapReport[] = [];
  const timings: Record<string, number> = {};
  const cacheLines: string[] = [];
  for (const loaded of loadedMaps) {
    const gate = await prepareGates(
      environment,
      ports,
      loaded.rootDir,
      [],
      perPackageGates,
      loaded.map.options.warnings,
    );
    const { analysed, cacheSummary } = await cachedAnalysis(environment, ports, loaded, [], options);
    const placement = { folder: fromHere(loaded.rootDir), map: fromHere(loaded.mapFile) };
    parts.push({ map: placement.map, report: rebaseReport(await gate(analysed.report), placement) });
    for (const [phase, ms] of Object.entries(analysed.timings)) timings[phase] = (timings[phase] ?? 0) + ms;
    if (cacheSummary !== null) cacheLines.push(`${placement.folder}: ${cacheSummary}`);
  }
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
