import { resolve } from "node:path";
import { buildReviewReport } from "../../application/build-review-report.js";
import { findLayerMap } from "../../application/find-layer-map.js";
import { loadLayerMap } from "../../application/load-layer-map.js";
import type { CheckPorts } from "../../application/ports.js";
import { renderers, renderMatrixDot, renderReviewReportHtml } from "../../renderers/index.js";
import type { CliEnvironment } from "../cli-environment.js";
import { CONFIG_OPTION_FLAGS, CONFIG_OPTION_HELP, type CommandRegistration } from "./command-context.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { nonEmptyPath } from "./path-option.js";
import { sourceDateOf } from "../today.js";

export interface ReportCommandOptions {
  readonly config?: string;
  readonly output?: string;
}

export const registerReportCommand: CommandRegistration = (program, { environment, ports, exitWith }) => {
  program
    .command("report")
    .description(
      "write the architecture review report: one self-contained HTML page " +
        "(diagram, layers, every violation with its source)",
    )
    .option(CONFIG_OPTION_FLAGS, CONFIG_OPTION_HELP)
    .option("-o, --output <file>", "write the page to a file instead of stdout", nonEmptyPath)
    .action(async (options: ReportCommandOptions) => {
      exitWith(await runReportCommand(environment, ports, options));
    });
};

export async function runReportCommand(
  environment: CliEnvironment,
  ports: CheckPorts,
  options: ReportCommandOptions,
): Promise<ExitCode> {
  const date = sourceDateOf(environment.env);
  const mapFile = await findLayerMap(ports.fileSystem, environment.cwd, options.config);
  const loaded = await loadLayerMap(ports, mapFile, environment.cwd);
  const report = await buildReviewReport(ports, { loaded, date });
  const layerSvgs = new Map<string, string>();
  for (const { layer, graph } of report.drill.layers)
    layerSvgs.set(layer, await ports.svg.renderDot(renderers.dot(graph)));
  const matrixSvg =
    report.contextMatrix === undefined
      ? null
      : await ports.svg.renderDot(renderMatrixDot(report.contextMatrix.matrix, report.name));
  const html = renderReviewReportHtml(
    report,
    await ports.svg.renderDot(renderers.dot(report.graph)),
    layerSvgs,
    matrixSvg,
  );
  if (options.output === undefined) {
    environment.stdout.write(html);
  } else {
    await ports.fileSystem.writeTextAtomic(resolve(environment.cwd, options.output), html);
  }
  return EXIT.clean;
}
