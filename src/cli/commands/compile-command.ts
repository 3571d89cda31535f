import { resolve } from "node:path";
import { Option } from "commander";
import { compileConfig } from "../../application/compile-config.js";
import { findLayerMap } from "../../application/find-layer-map.js";
import { loadLayerMap } from "../../application/load-layer-map.js";
import type { CheckPorts } from "../../application/ports.js";
import { EJECT_FORMATS, type EjectFormat } from "../../domain/compile/eject-config.js";
import type { CliEnvironment } from "../cli-environment.js";
import { CONFIG_OPTION_FLAGS, CONFIG_OPTION_HELP, type CommandRegistration } from "./command-context.js";
import { COMPILE_EXTENSIONS, formatFor } from "./format-from-extension.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { nonEmptyPath } from "./path-option.js";

export interface CompileCommandOptions {
  readonly config?: string;
  readonly format: EjectFormat;
  readonly output?: string;
}

export const registerCompileCommand: CommandRegistration = (program, { environment, ports, exitWith }) => {
  program
    .command("compile")
    .description("print the dependency-cruiser configuration the layer map compiles to (to eject)")
    .option(CONFIG_OPTION_FLAGS, CONFIG_OPTION_HELP)
    .addOption(
      new Option(
        "-f, --format <format>",
        "configuration format (default: what the --output extension means, else json)",
      ).choices(EJECT_FORMATS),
    )
    .option("-o, --output <file>", "write the configuration to a file instead of stdout", nonEmptyPath)
    .action(async (options: Omit<CompileCommandOptions, "format"> & { format?: CompileCommandOptions["format"] }) => {
      const format = formatFor(options.format, options.output, COMPILE_EXTENSIONS, "json");
      exitWith(await runCompileCommand(environment, ports, { ...options, format }));
    });
};

export async function runCompileCommand(
  environment: CliEnvironment,
  ports: CheckPorts,
  options: CompileCommandOptions,
): Promise<ExitCode> {
  const mapFile = await findLayerMap(ports.fileSystem, environment.cwd, options.config);
  const loaded = await loadLayerMap(ports, mapFile, environment.cwd);
  const text = compileConfig(loaded, options.format);
  if (options.output === undefined) {
    environment.stdout.write(text);
  } else {
    await ports.fileSystem.writeTextAtomic(resolve(environment.cwd, options.output), text);
  }
  return EXIT.clean;
}
