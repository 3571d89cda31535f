import { createRequire } from "node:module";
import { Command, CommanderError, Option } from "commander";
import { EJECT_FORMATS, type EjectFormat } from "../domain/compile/eject-config.js";
import { ConfigurationError, LayerlintError } from "../domain/errors.js";
import { REPORT_FORMATS, type ReportFormat } from "../reporters/index.js";
import { runCheckCommand } from "./check-command.js";
import type { CliEnvironment } from "./cli-environment.js";
import { runCompileCommand } from "./compile-command.js";
import { defaultPorts } from "./default-ports.js";
import { EXIT, exitCodeFor, type ExitCode } from "./exit-codes.js";

const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };

/** Parses the arguments, runs one command and returns its exit code; all errors are sorted here. */
export async function runCli(environment: CliEnvironment): Promise<ExitCode> {
  const ports = defaultPorts(environment.ports);
  let exitCode: ExitCode = EXIT.clean;
  const program = new Command("layerlint")
    .description("Keep a codebase's architecture honest: checks imports against a YAML layer map.")
    .version(version, "-v, --version")
    .option("--debug", "show stack traces of internal errors")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => environment.stdout.write(text),
      writeErr: (text) => environment.stderr.write(text),
    });

  program
    .command("check")
    .description("check imports against the layer map; exit 1 on error-severity violations")
    .argument("[paths...]", "report only on these files or folders (imports are still resolved over the whole tree)")
    .option("-c, --config <file>", "the layer map (default: layers.yaml here or in a parent folder)")
    .addOption(new Option("-f, --format <format>", "report format").choices(REPORT_FORMATS).default("text"))
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .option("-q, --quiet", "errors only: no warnings", false)
    .option("--timings", "print where the time went, on stderr", false)
    .action(async (paths: string[], options: { config?: string; format: ReportFormat; output?: string; quiet: boolean; timings: boolean }) => {
      exitCode = await runCheckCommand(environment, ports, paths, options);
    });

  program
    .command("compile")
    .description("print the dependency-cruiser configuration the layer map compiles to (to eject)")
    .option("-c, --config <file>", "the layer map (default: layers.yaml here or in a parent folder)")
    .addOption(new Option("-f, --format <format>", "configuration format").choices(EJECT_FORMATS).default("json"))
    .option("-o, --output <file>", "write the configuration to a file instead of stdout")
    .action(async (options: { config?: string; format: EjectFormat; output?: string }) => {
      exitCode = await runCompileCommand(environment, ports, options);
    });

  try {
    await program.parseAsync([...environment.argv], { from: "user" });
    return exitCode;
  } catch (error) {
    return reportFailure(environment, error, program.opts<{ debug?: boolean }>().debug === true || environment.argv.includes("--debug"));
  }
}

function reportFailure(environment: CliEnvironment, error: unknown, debug: boolean): ExitCode {
  if (error instanceof CommanderError) {
    const quietExits = ["commander.helpDisplayed", "commander.version", "commander.help"];
    return quietExits.includes(error.code) ? EXIT.clean : EXIT.configurationOrUsage;
  }
  if (error instanceof ConfigurationError) {
    const count = error.issues.length;
    environment.stderr.write(`layerlint: ${count === 1 ? "the layer map has a problem" : `the layer map has ${count} problems`} [${error.code}]\n${error.message}\n`);
    return exitCodeFor(error.category);
  }
  if (error instanceof LayerlintError) {
    environment.stderr.write(`layerlint: ${error.message} [${error.code}]\n`);
    if (debug && error.cause instanceof Error) environment.stderr.write(`${error.cause.stack ?? ""}\n`);
    return exitCodeFor(error.category);
  }
  const message = error instanceof Error ? error.message : String(error);
  environment.stderr.write(`layerlint: internal error: ${message} [LL-INTERNAL]\n`);
  environment.stderr.write(debug && error instanceof Error ? `${error.stack ?? ""}\n` : "Run again with --debug for the stack trace, and report it.\n");
  return EXIT.internalOrDependency;
}
