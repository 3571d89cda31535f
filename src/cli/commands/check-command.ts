import { join, relative, resolve, sep } from "node:path";
import { Option } from "commander";
import { analyzeProject } from "../../application/analyze-project.js";
import { graphOf } from "../../application/build-graph.js";
import { findLayerMap } from "../../application/find-layer-map.js";
import { loadLayerMap } from "../../application/load-layer-map.js";
import type { CheckPorts } from "../../application/ports.js";
import { UsageError } from "../../domain/errors.js";
import { checkFails } from "../../domain/report/check-report.js";
import { renderers } from "../../renderers/index.js";
import { REPORT_FORMATS, reporters, type ReportFormat } from "../../reporters/index.js";
import type { CliEnvironment } from "../cli-environment.js";
import { withCheckCache } from "../default-ports.js";
import { addGateOptions, prepareGates, type CheckGateOptions } from "./check-gate-options.js";
import { CONFIG_OPTION_FLAGS, CONFIG_OPTION_HELP, type CommandRegistration } from "./command-context.js";
import { assertDistinctReportFiles, collectReportTarget, REPORT_OPTION_FLAGS, REPORT_OPTION_HELP, type ReportTarget } from "./report-option.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { LAYERLINT_VERSION } from "../layerlint-version.js";
import { createProgress } from "../progress.js";
import { todayOf } from "../today.js";

export interface CheckCommandOptions extends CheckGateOptions {
  readonly config?: string;
  readonly format: ReportFormat;
  readonly output?: string;
  readonly report: readonly ReportTarget[];
  readonly quiet: boolean;
  readonly timings: boolean;
  readonly progress?: boolean;
  readonly throughBarrels?: boolean;
  /** True from the command line unless --no-cache; a caller that leaves it out runs without the cache. */
  readonly cache?: boolean;
  readonly cacheDir?: string;
}

export const registerCheckCommand: CommandRegistration = (program, { environment, ports, exitWith }) => {
  addGateOptions(program
    .command("check")
    .description("check imports against the layer map; exit 1 on error-severity violations")
    .argument("[paths...]", "report only on these files or folders (imports are still resolved over the whole tree)")
    .option(CONFIG_OPTION_FLAGS, CONFIG_OPTION_HELP)
    .addOption(new Option("-f, --format <format>", "report format").choices(REPORT_FORMATS).default("text"))
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .option(REPORT_OPTION_FLAGS, REPORT_OPTION_HELP, collectReportTarget, [])
    .option("-q, --quiet", "errors only: no warnings", false)
    .option("--timings", "print where the time went, on stderr", false)
    .option("--progress", "show what a long run is doing on stderr, even outside a terminal or in CI")
    .option("--no-progress", "never show progress (default: shown on a terminal, outside CI, for runs over a moment)")
    .option("--through-barrels", "attribute imports of barrels (modules that only re-export) to the modules defining the names taken")
    .option("--no-through-barrels", "check imports of barrels as imports of the barrel, whatever options.throughBarrels says")
    .option("--cache-dir <dir>", "where the per-file cache lives (default: node_modules/.cache/layerlint/ in the map's folder)")
    .option("--no-cache", "neither read nor write the cache: resolve every file again"))
    .action(async (paths: string[], options: CheckCommandOptions) => {
      exitWith(await runCheckCommand(environment, ports, paths, options));
    });
};

export async function runCheckCommand(environment: CliEnvironment, ports: CheckPorts, paths: readonly string[], options: CheckCommandOptions): Promise<ExitCode> {
  assertDistinctReportFiles(environment.cwd, options.output, options.report);
  const mapFile = await findLayerMap(ports.fileSystem, environment.cwd, options.config);
  const loaded = await loadLayerMap(ports, mapFile, environment.cwd);
  const only = await toMapRelative(ports, environment.cwd, loaded.rootDir, paths);
  const gate = await prepareGates(environment, ports, loaded.rootDir, only, options);
  const cache = options.cache !== true ? null : await withCheckCache(ports, {
    dir: options.cacheDir === undefined ? join(loaded.rootDir, "node_modules", ".cache", "layerlint") : resolve(environment.cwd, options.cacheDir),
    rootDir: loaded.rootDir,
    mapFile,
    warn: (message) => environment.stderr.write(`layerlint: warning: ${message}\n`),
  });
  const progress = createProgress(environment.stderr, environment.env, options.progress);
  const request = { loaded, today: todayOf(environment.env), onPhase: progress.phase, ...(only.length > 0 ? { only } : {}), ...(options.throughBarrels === undefined ? {} : { throughBarrels: options.throughBarrels }) };
  const analysed = await analyzeProject(cache?.ports ?? ports, request).finally(progress.stop);
  await cache?.flush();
  const { timings } = analysed;
  const report = await gate(analysed.report);

  const toFile = options.output !== undefined;
  const color = !toFile && environment.stdout.isTTY === true && environment.env.NO_COLOR === undefined;
  const pathPrefix = relative(environment.cwd, loaded.rootDir).split(sep).join("/");
  const wantsDiagram = [options.format, ...options.report.map((target) => target.format)].includes("markdown");
  const diagram = wantsDiagram ? renderers.mermaid(graphOf(analysed, { level: "layer" })) : undefined;
  const shared = { quiet: options.quiet, pathPrefix, diagram, toolVersion: LAYERLINT_VERSION };
  const text = reporters[options.format](report, { ...shared, color });
  for (const target of options.report) {
    await ports.fileSystem.writeTextAtomic(resolve(environment.cwd, target.file), reporters[target.format](report, { ...shared, color: false }));
  }
  if (toFile) {
    await ports.fileSystem.writeTextAtomic(resolve(environment.cwd, options.output as string), text);
  } else {
    environment.stdout.write(text);
  }
  if (options.timings) {
    environment.stderr.write(`timings: ${Object.entries(timings).map(([phase, ms]) => `${phase} ${ms} ms`).join(", ")}\n`);
    if (cache !== null) environment.stderr.write(`${cache.summary()}\n`);
  }
  return checkFails(report) ? EXIT.violations : EXIT.clean;
}

async function toMapRelative(ports: CheckPorts, cwd: string, rootDir: string, paths: readonly string[]): Promise<string[]> {
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
