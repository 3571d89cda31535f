import type { Command } from "commander";
import type { CheckPorts } from "../../application/ports.js";
import type { CliEnvironment } from "../cli-environment.js";
import type { ExitCode } from "../exit-codes.js";

export interface CommandContext {
  readonly environment: CliEnvironment;
  readonly ports: CheckPorts;
  /** A command's action reports its exit code here; errors thrown are sorted by run-cli. */
  readonly exitWith: (code: ExitCode) => void;
}

/** Adds one subcommand to the program; each command lives in its own module. */
export type CommandRegistration = (program: Command, context: CommandContext) => void;

export const CONFIG_OPTION_FLAGS = "-c, --config <file>";
export const CONFIG_OPTION_HELP = "the layer map (default: layers.yaml here or in a parent folder)";
