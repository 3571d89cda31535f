import { registerBaselineCommand } from "./baseline-command.js";
import { registerCheckCommand } from "./check-command.js";
import type { CommandRegistration } from "./command-context.js";
import { registerCompileCommand } from "./compile-command.js";
import { registerDoctorCommand } from "./doctor-command.js";
import { registerExplainCommand } from "./explain-command.js";
import { registerGraphCommand } from "./graph-command.js";
import { registerInitCommand } from "./init-command.js";
import { registerLspCommand } from "./lsp-command.js";
import { registerReportCommand } from "./report-command.js";

/** The one list of subcommands, in the order `--help` shows them. */
export const COMMANDS: readonly CommandRegistration[] = [
  registerCheckCommand,
  registerBaselineCommand,
  registerCompileCommand,
  registerGraphCommand,
  registerReportCommand,
  registerDoctorCommand,
  registerExplainCommand,
  registerInitCommand,
  registerLspCommand,
];
