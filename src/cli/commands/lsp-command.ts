import { join } from "node:path";
import type { CheckPorts } from "../../application/ports.js";
import { renderViolationStory } from "../../reporters/explanation-reporter.js";
import type { CliEnvironment } from "../cli-environment.js";
import { onCallingThread, withCheckCache } from "../default-ports.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { todayOf } from "../today.js";
import type { CommandRegistration } from "./command-context.js";

export const registerLspCommand: CommandRegistration = (program, { environment, ports, exitWith }) => {
  program
    .command("lsp")
    .description("run the language server over stdio (diagnostics while typing, hovers, quick fixes) for an editor")
    .option("--stdio", "talk over stdin and stdout (the only transport, accepted for editors that pass it)")
    .action(async () => {
      exitWith(await runLspCommand(environment, ports));
    });
};

/** Serves until the client closes the connection; the graph warms from, and warms, the check's cache. */
export async function runLspCommand(environment: CliEnvironment, ports: CheckPorts): Promise<ExitCode> {
  // Loaded here: the protocol libraries add about 0.1 s to the start of every other command.
  const { startLanguageServer } = await import("../../adapters/lsp/language-server.js");
  const warn = (message: string) => environment.stderr.write(`layerlint: warning: ${message}\n`);
  const connection = startLanguageServer({
    input: process.stdin,
    output: process.stdout,
    ports: { ...ports, extractor: onCallingThread(ports.extractor) },
    today: () => todayOf(environment.env),
    renderViolationStory,
    async checkCache(rootDir, mapFile) {
      const cache = await withCheckCache(ports, {
        dir: join(rootDir, "node_modules", ".cache", "layerlint"),
        rootDir,
        mapFile,
        ...(environment.now === undefined ? {} : { now: environment.now }),
        warn,
      });
      if (cache === null) return null;
      const { extractor, syntax, inspector, loops } = cache.ports;
      return { extractor, syntax, inspector, ...(loops === undefined ? {} : { loops }), flush: () => cache.flush() };
    },
  });
  await new Promise<void>((resolve) => {
    connection.onExit(() => resolve());
    process.stdin.once("end", () => resolve());
  });
  return EXIT.clean;
}
