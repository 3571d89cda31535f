import { Option } from "commander";
import { diagnoseMap } from "../../application/diagnose-map.js";
import { findLayerMap } from "../../application/find-layer-map.js";
import { loadLayerMap } from "../../application/load-layer-map.js";
import type { CheckPorts } from "../../application/ports.js";
import { DOCTOR_FORMATS, hasErrorFindings, type DoctorFormat } from "../../domain/diagnostics/doctor-report.js";
import { renderDoctorReport } from "../../reporters/doctor-reporter.js";
import type { CliEnvironment } from "../cli-environment.js";
import { CONFIG_OPTION_FLAGS, CONFIG_OPTION_HELP, type CommandRegistration } from "./command-context.js";
import { EXIT, type ExitCode } from "../exit-codes.js";

export interface DoctorCommandOptions {
  readonly config?: string;
  readonly format: DoctorFormat;
  readonly strict: boolean;
}

export const registerDoctorCommand: CommandRegistration = (program, { environment, ports, exitWith }) => {
  program
    .command("doctor")
    .description(
      "diagnose the layer map itself: globs matching nothing, unclaimed files, unused allowances, " +
        "allowed cycles, preset overrides",
    )
    .option(CONFIG_OPTION_FLAGS, CONFIG_OPTION_HELP)
    .addOption(new Option("-f, --format <format>", "output format").choices(DOCTOR_FORMATS).default("text"))
    .option("--strict", "treat warnings as errors (exit 1)", false)
    .action(async (options: DoctorCommandOptions) => {
      exitWith(await runDoctorCommand(environment, ports, options));
    });
};

export async function runDoctorCommand(
  environment: CliEnvironment,
  ports: CheckPorts,
  options: DoctorCommandOptions,
): Promise<ExitCode> {
  const mapFile = await findLayerMap(ports.fileSystem, environment.cwd, options.config);
  const loaded = await loadLayerMap(ports, mapFile, environment.cwd);
  const report = await diagnoseMap(ports, { loaded, cwd: environment.cwd, strict: options.strict });
  environment.stdout.write(renderDoctorReport(report, options.format));
  return hasErrorFindings(report) ? EXIT.violations : EXIT.clean;
}
