import { Command, CommanderError, Option } from "commander";
import { displayPath } from "../application/load-layer-map.js";
import { ConfigurationError, LayerlintError, UnreadableInputError, UsageError } from "../domain/errors.js";
import type { CliEnvironment } from "./cli-environment.js";
import { COMMANDS } from "./commands/index.js";
import { errorLogLine } from "./error-log-line.js";
import { defaultPorts } from "./default-ports.js";
import { EXIT, exitCodeFor, type ExitCode } from "./exit-codes.js";
import { LAYERLINT_VERSION } from "./layerlint-version.js";

/** Parses the arguments, runs one command and returns its exit code; all errors are sorted here. */
export async function runCli(environment: CliEnvironment): Promise<ExitCode> {
  const ports = defaultPorts(environment.ports);
  let exitCode: ExitCode = EXIT.clean;
  // Known before parsing, so that even an error in the arguments is written as JSON.
  const logJson = logFormatOf(environment.argv) === "json";
  const program = new Command("layerlint")
    .description("Keep a codebase's architecture honest: checks imports against a YAML layer map.")
    .version(LAYERLINT_VERSION, "-v, --version")
    .option("--debug", "show stack traces of internal errors")
    .option(
      "--allow-outside",
      "read a map extends, tsconfig or tsconfig extends that resolves outside the repository (refused by default)",
    )
    .addOption(
      new Option("--log-format <format>", "how errors are written on stderr: text, or one JSON object per line")
        .choices(["text", "json"])
        .default("text"),
    )
    .showHelpAfterError("(run layerlint --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => environment.stdout.write(text),
      // With JSON logs, commander's own error text is replaced by the JSON line.
      writeErr: (text) => (logJson ? undefined : environment.stderr.write(text)),
    });

  program.hook("preAction", () => {
    ports.readPolicy.allowOutside = program.opts<{ allowOutside?: boolean }>().allowOutside === true;
  });

  for (const register of COMMANDS) {
    register(program, { environment, ports, exitWith: (code) => (exitCode = code) });
  }

  try {
    await program.parseAsync([...environment.argv], { from: "user" });
    return exitCode;
  } catch (error) {
    const debug = program.opts<{ debug?: boolean }>().debug === true || environment.argv.includes("--debug");
    if (!logJson) return reportFailure(environment, error, debug);
    const sorted = asLayerlintError(error);
    if (sorted === null) return EXIT.clean;
    const code = sorted instanceof LayerlintError ? exitCodeFor(sorted.category) : EXIT.internalOrDependency;
    environment.stderr.write(errorLogLine(sorted, code, debug));
    return code;
  }
}

function logFormatOf(argv: readonly string[]): string | undefined {
  const index = argv.findIndex((arg) => arg === "--log-format" || arg.startsWith("--log-format="));
  const arg = argv[index];
  if (arg === undefined) return undefined;
  return arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[index + 1];
}

/** Help or the version asked for is a success (null); any other argument error is a usage error. */
function asLayerlintError(error: unknown): unknown {
  if (!(error instanceof CommanderError)) return error;
  if (["commander.helpDisplayed", "commander.version"].includes(error.code)) return null;
  const message =
    error.message === "(outputHelp)"
      ? "no command given: run layerlint --help for the commands"
      : error.message.replace(/^error: /, "");
  return new UsageError(message);
}

function reportFailure(environment: CliEnvironment, error: unknown, debug: boolean): ExitCode {
  if (error instanceof CommanderError) {
    // Help or the version asked for is a success; help shown because no command was given is a usage error.
    const asked = ["commander.helpDisplayed", "commander.version"];
    return asked.includes(error.code) ? EXIT.clean : EXIT.configurationOrUsage;
  }
  if (error instanceof UnreadableInputError) {
    environment.stderr.write(
      `layerlint: ${displayPath(environment.cwd, error.path)}: ${error.reason} [${error.code}]\n`,
    );
    return exitCodeFor(error.category);
  }
  if (error instanceof ConfigurationError) {
    const count = error.issues.length;
    const subject = error.code === "LL-TSCONFIG" ? "the tsconfig" : "the layer map";
    const has = count === 1 ? "has a problem" : `has ${count} problems`;
    environment.stderr.write(`layerlint: ${subject} ${has} [${error.code}]\n${error.message}\n`);
    return exitCodeFor(error.category);
  }
  if (error instanceof LayerlintError) {
    environment.stderr.write(`layerlint: ${error.message} [${error.code}]\n`);
    if (debug && error.cause instanceof Error) environment.stderr.write(`${error.cause.stack ?? ""}\n`);
    return exitCodeFor(error.category);
  }
  const message = error instanceof Error ? error.message : String(error);
  environment.stderr.write(`layerlint: internal error: ${message} [LL-INTERNAL]\n`);
  environment.stderr.write(
    debug && error instanceof Error
      ? `${error.stack ?? ""}\n`
      : "Run again with --debug for the stack trace, and report it.\n",
  );
  return EXIT.internalOrDependency;
}
