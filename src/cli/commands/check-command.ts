import { relative, resolve, sep } from "node:path";
import { InvalidArgumentError, Option } from "commander";
import { graphOf } from "../../application/build-graph.js";
import type { CheckPorts } from "../../application/ports.js";
import { checkFails, type CheckReport } from "../../domain/report/check-report.js";
import { UsageError } from "../../domain/errors.js";
import { renderers } from "../../renderers/index.js";
import { REPORT_FORMATS, reporters, type ReportFormat } from "../../reporters/index.js";
import type { CliEnvironment } from "../cli-environment.js";
import { addGateOptions } from "./check-gate-options.js";
import type { CheckCommandOptions } from "./check-command-options.js";
import { checkedReport } from "./checked-report.js";
import { CHECK_EXTENSIONS, formatFor } from "./format-from-extension.js";
import { CONFIG_OPTION_FLAGS, CONFIG_OPTION_HELP, type CommandRegistration } from "./command-context.js";
import { watchCheck } from "./watch-check.js";
import { workspacesReport } from "./workspaces-report.js";
import {
  assertDistinctReportFiles,
  collectReportTarget,
  REPORT_OPTION_FLAGS,
  REPORT_OPTION_HELP,
} from "./report-option.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { LAYERLINT_VERSION } from "../layerlint-version.js";
import { nonEmptyPath } from "./path-option.js";

export const registerCheckCommand: CommandRegistration = (program, { environment, ports, exitWith }) => {
  addGateOptions(
    program
      .command("check")
      .description("check imports against the layer map; exit 1 on error-severity violations")
      .argument("[paths...]", "report only on these files or folders (imports are still resolved over the whole tree)")
      .option(CONFIG_OPTION_FLAGS, CONFIG_OPTION_HELP)
      .addOption(
        new Option(
          "-f, --format <format>",
          "report format (default: what the --output extension means, else text)",
        ).choices(REPORT_FORMATS),
      )
      .option("-o, --output <file>", "write the report to a file instead of stdout", nonEmptyPath)
      .option(REPORT_OPTION_FLAGS, REPORT_OPTION_HELP, collectReportTarget, [])
      .option("-q, --quiet", "errors only: no warnings", false)
      .option("--timings", "print where the time went, on stderr", false)
      .option("--progress", "show what a long run is doing on stderr, even outside a terminal or in CI")
      .option(
        "--workspaces",
        "check the own layers.yaml of every workspace package, in one run with one report " +
          "(paths relative to the current folder)",
      )
      .option(
        "--concurrency <n>",
        "with --workspaces: how many packages are checked at once, each cruise on its own thread " +
          "(default: half the cores, at least 1)",
        parseConcurrency,
      )
      .option(
        "--watch",
        "check again whenever a file changes, printing only the violations that appear or go " +
          "(text on stdout; stop with Ctrl-C)",
      )
      .option("--no-progress", "never show progress (default: shown on a terminal, outside CI, for runs over a moment)")
      .option(
        "--through-barrels",
        "attribute imports of barrels (modules that only re-export) to the modules defining the names taken",
      )
      .option(
        "--no-through-barrels",
        "check imports of barrels as imports of the barrel, whatever options.throughBarrels says",
      )
      .option(
        "--cache-dir <dir>",
        "where the per-file cache lives (default: node_modules/.cache/layerlint/ in the map's folder)",
        nonEmptyPath,
      )
      .option("--no-cache", "neither read nor write the cache: resolve every file again"),
  ).action(async (paths: string[], options: Omit<CheckCommandOptions, "format"> & { format?: ReportFormat }) => {
    const format = formatFor(options.format, options.output, CHECK_EXTENSIONS, "text");
    exitWith(await runCheckCommand(environment, ports, paths, { ...options, format }));
  });
};

export async function runCheckCommand(
  environment: CliEnvironment,
  ports: CheckPorts,
  paths: readonly string[],
  options: CheckCommandOptions,
): Promise<ExitCode> {
  assertDistinctReportFiles(environment.cwd, options.output, options.report);
  if (options.concurrency !== undefined && options.workspaces !== true)
    throw new UsageError("--concurrency applies only with --workspaces: one map's check runs one cruise");
  if (options.workspaces !== true && options.watch === true) return watchCheck(environment, ports, paths, options);
  const run =
    options.workspaces === true
      ? await workspacesRun(environment, ports, paths, options)
      : await singleMapRun(environment, ports, paths, options);

  const toFile = options.output !== undefined;
  const color = !toFile && environment.stdout.isTTY === true && environment.env.NO_COLOR === undefined;
  const wantsDiagram = [options.format, ...options.report.map((target) => target.format)].includes("markdown");
  const diagram = wantsDiagram && run.layerDiagram !== null ? run.layerDiagram() : undefined;
  const shared = { quiet: options.quiet, pathPrefix: run.pathPrefix, diagram, toolVersion: LAYERLINT_VERSION };
  const text = reporters[options.format](run.report, { ...shared, color });
  for (const target of options.report) {
    await ports.fileSystem.writeTextAtomic(
      resolve(environment.cwd, target.file),
      reporters[target.format](run.report, { ...shared, color: false }),
    );
  }
  if (toFile) {
    await ports.fileSystem.writeTextAtomic(resolve(environment.cwd, options.output), text);
  } else {
    environment.stdout.write(text);
  }
  if (options.timings) {
    environment.stderr.write(
      `timings: ${Object.entries(run.timings)
        .map(([phase, ms]) => `${phase} ${ms} ms`)
        .join(", ")}\n`,
    );
    for (const line of run.cacheLines) environment.stderr.write(`${line}\n`);
  }
  return checkFails(run.report) ? EXIT.violations : EXIT.clean;
}

/** What the reports of one run are written from, whether it checked one map or every workspace package's. */
interface CheckRun {
  readonly report: CheckReport;
  /** Put before report paths by the formats CI tools read (see ReporterOptions.pathPrefix). */
  readonly pathPrefix: string;
  /** Draws the Markdown report's layer diagram; null when the run has no single map to draw. */
  readonly layerDiagram: (() => string) | null;
  readonly timings: Readonly<Record<string, number>>;
  readonly cacheLines: readonly string[];
}

async function singleMapRun(
  environment: CliEnvironment,
  ports: CheckPorts,
  paths: readonly string[],
  options: CheckCommandOptions,
): Promise<CheckRun> {
  const { loaded, analysed, report, cacheSummary } = await checkedReport(environment, ports, paths, options);
  return {
    report,
    pathPrefix: relative(environment.cwd, loaded.rootDir).split(sep).join("/"),
    layerDiagram: () => renderers.mermaid(graphOf(analysed, { level: "layer" })),
    timings: analysed.timings,
    cacheLines: cacheSummary === null ? [] : [cacheSummary],
  };
}

/** Every path of the merged report is already relative to the current folder, so CI formats need no prefix. */
async function workspacesRun(
  environment: CliEnvironment,
  ports: CheckPorts,
  paths: readonly string[],
  options: CheckCommandOptions,
): Promise<CheckRun> {
  const { report, timings, cacheLines } = await workspacesReport(environment, ports, paths, options);
  return { report, pathPrefix: "", layerDiagram: null, timings, cacheLines };
}

function parseConcurrency(value: string): number {
  if (!/^[1-9]\d{0,3}$/.test(value)) throw new InvalidArgumentError("expected a whole number from 1 to 9999.");
  return Number(value);
}
