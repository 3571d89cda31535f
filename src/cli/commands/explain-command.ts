import { explainFile } from "../../application/explain-file.js";
import { explainLayers } from "../../application/explain-layers.js";
import { explainViolation } from "../../application/explain-violation.js";
import { findLayerMap } from "../../application/find-layer-map.js";
import { loadLayerMap } from "../../application/load-layer-map.js";
import type { CheckPorts } from "../../application/ports.js";
import { UsageError } from "../../domain/errors.js";
import {
  renderFileExplanation,
  renderLayerPairExplanation,
  renderViolationStory,
} from "../../reporters/explanation-reporter.js";
import type { CliEnvironment } from "../cli-environment.js";
import { CONFIG_OPTION_FLAGS, CONFIG_OPTION_HELP, type CommandRegistration } from "./command-context.js";
import { EXIT, type ExitCode } from "../exit-codes.js";

export interface ExplainCommandOptions {
  readonly config?: string;
  readonly violation?: string;
}

export const registerExplainCommand: CommandRegistration = (program, { environment, ports, exitWith }) => {
  program
    .command("explain")
    .description(
      "explain a file's layer and imports (FILE), an edge between two layers (LAYER_A LAYER_B), " +
        "or one violation (--violation ID)",
    )
    .argument("[targets...]", "a FILE, or two layer names")
    .option(CONFIG_OPTION_FLAGS, CONFIG_OPTION_HELP)
    .option("--violation <id>", "a violation's id, as `check --format json` prints it")
    .action(async (targets: string[], options: ExplainCommandOptions) => {
      exitWith(await runExplainCommand(environment, ports, targets, options));
    });
};

const EXPLAIN_USAGE = "explain takes a FILE, two layers (explain LAYER_A LAYER_B), or --violation ID alone";

export async function runExplainCommand(
  environment: CliEnvironment,
  ports: CheckPorts,
  targets: readonly string[],
  options: ExplainCommandOptions,
): Promise<ExitCode> {
  if (options.violation !== undefined ? targets.length > 0 : targets.length === 0 || targets.length > 2) {
    throw new UsageError(EXPLAIN_USAGE);
  }
  const mapFile = await findLayerMap(ports.fileSystem, environment.cwd, options.config);
  const loaded = await loadLayerMap(ports, mapFile, environment.cwd);
  const request = { loaded, cwd: environment.cwd };
  if (options.violation !== undefined) {
    const { explanation, render } = await explainViolation(ports, { ...request, id: options.violation });
    environment.stdout.write(renderViolationStory(explanation, render));
    return EXIT.clean;
  }
  const [first, second] = targets;
  if (first === undefined) throw new UsageError(EXPLAIN_USAGE);
  if (second !== undefined) {
    const { explanation, render } = await explainLayers(ports, { ...request, from: first, to: second });
    environment.stdout.write(renderLayerPairExplanation(explanation, render));
  } else {
    const { explanation, render } = await explainFile(ports, { ...request, file: first });
    environment.stdout.write(renderFileExplanation(explanation, render));
  }
  return EXIT.clean;
}
