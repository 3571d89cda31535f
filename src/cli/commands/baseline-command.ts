import { join, relative, resolve, sep } from "node:path";
import { findLayerMap } from "../../application/find-layer-map.js";
import { loadLayerMap } from "../../application/load-layer-map.js";
import type { CheckPorts } from "../../application/ports.js";
import { recordBaseline } from "../../application/record-baseline.js";
import { plural } from "../../domain/plural.js";
import type { CliEnvironment } from "../cli-environment.js";
import { CONFIG_OPTION_FLAGS, CONFIG_OPTION_HELP, type CommandRegistration } from "./command-context.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { nonEmptyPath } from "./path-option.js";

export const DEFAULT_BASELINE_FILE = "layerlint-baseline.json";

export interface BaselineCommandOptions {
  readonly config?: string;
  readonly output?: string;
}

export const registerBaselineCommand: CommandRegistration = (program, { environment, ports, exitWith }) => {
  program
    .command("baseline")
    .description("record today's violations as known, so `check --baseline` fails only on new ones")
    .option(CONFIG_OPTION_FLAGS, CONFIG_OPTION_HELP)
    .option(
      "-o, --output <file>",
      `the baseline file (default: ${DEFAULT_BASELINE_FILE} beside the layer map)`,
      nonEmptyPath,
    )
    .action(async (options: BaselineCommandOptions) => {
      exitWith(await runBaselineCommand(environment, ports, options));
    });
};

export async function runBaselineCommand(
  environment: CliEnvironment,
  ports: CheckPorts,
  options: BaselineCommandOptions,
): Promise<ExitCode> {
  const mapFile = await findLayerMap(ports.fileSystem, environment.cwd, options.config);
  const loaded = await loadLayerMap(ports, mapFile, environment.cwd);
  const file =
    options.output === undefined
      ? join(loaded.rootDir, DEFAULT_BASELINE_FILE)
      : resolve(environment.cwd, options.output);
  const { baseline } = await recordBaseline(ports, { loaded, file });
  const count = baseline.violations.length;
  const shown = relative(environment.cwd, file).split(sep).join("/");
  const next = `\`layerlint check --baseline ${shown}\` now fails only on new ones`;
  environment.stdout.write(`recorded ${plural(count, "violation")} in ${shown}: ${next}\n`);
  return EXIT.clean;
}
