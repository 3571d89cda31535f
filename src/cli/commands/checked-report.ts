import { relative, resolve, sep } from "node:path";
import type { ProjectAnalysis } from "../../application/analyze-project.js";
import { findLayerMap } from "../../application/find-layer-map.js";
import { loadLayerMap, type LoadedLayerMap } from "../../application/load-layer-map.js";
import type { CheckPorts } from "../../application/ports.js";
import { UsageError } from "../../domain/errors.js";
import type { CheckReport } from "../../domain/report/check-report.js";
import type { CliEnvironment } from "../cli-environment.js";
import { prepareGates } from "./check-gate-options.js";
import type { CheckCommandOptions } from "./check-command-options.js";
import { cachedAnalysis } from "./cached-analysis.js";

export interface CheckedReport {
  readonly loaded: LoadedLayerMap;
  readonly analysed: ProjectAnalysis;
  /** The report after the gates (baseline, strictness) applied. */
  readonly report: CheckReport;
  /** What the cache answered, for --timings; null without the cache. */
  readonly cacheSummary: string | null;
}

/**
 * One check as `layerlint check` runs it: the map read afresh, the project analysed through the cache, the gates
 * applied.
 */
export async function checkedReport(
  environment: CliEnvironment,
  ports: CheckPorts,
  paths: readonly string[],
  options: CheckCommandOptions,
): Promise<CheckedReport> {
  const mapFile = await findLayerMap(ports.fileSystem, environment.cwd, options.config);
  const loaded = await loadLayerMap(ports, mapFile, environment.cwd);
  const only = await toMapRelative(ports, environment.cwd, loaded.rootDir, paths);
  const gate = await prepareGates(environment, ports, loaded.rootDir, only, options, loaded.map.options.warnings);
  const { analysed, cacheSummary } = await cachedAnalysis(environment, ports, loaded, only, options);
  return { loaded, analysed, report: await gate(analysed.report), cacheSummary };
}

async function toMapRelative(
  ports: CheckPorts,
  cwd: string,
  rootDir: string,
  paths: readonly string[],
): Promise<string[]> {
  const converted: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    if (!(await ports.fileSystem.exists(absolute))) throw new UsageError(`${path} does not exist`);
    const relativePath = relative(rootDir, absolute).split(sep).join("/");
    if (relativePath.startsWith("..")) throw new UsageError(`${path} is outside the map's folder ${rootDir}`);
    converted.push(relativePath === "" ? "." : relativePath);
  }
  return converted;
}
