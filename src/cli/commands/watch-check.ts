import type { CheckPorts } from "../../application/ports.js";
import { LayerlintError, UsageError } from "../../domain/errors.js";
import { diffViolations } from "../../domain/violations/violation-diff.js";
import type { Violation } from "../../domain/violations/violation.js";
import { reporters } from "../../reporters/index.js";
import type { CliEnvironment } from "../cli-environment.js";
import type { ExitCode } from "../exit-codes.js";
import type { CheckCommandOptions } from "./check-command-options.js";
import { checkedReport } from "./checked-report.js";
import { appendAll } from "../../domain/collections/append-all.js";
import { reportedPath } from "../../reporters/reported-path.js";
import { relative, sep } from "node:path";

/** Changes closer together than this are checked once. */
const SETTLE_MS = 150;
/** Written by layerlint itself or by package managers: never a reason to check again. */
const IGNORED = /(^|\/)(node_modules|\.git)(\/|$)/;

/**
 * `check --watch`: the whole text report once, then, after each batch of changes, only the violations
 * that appeared (`+`) or went (`-`) and the counts line. A configuration error is printed and the
 * watch goes on; it runs until the process is interrupted.
 */
export async function watchCheck(
  environment: CliEnvironment,
  ports: CheckPorts,
  paths: readonly string[],
  options: CheckCommandOptions,
): Promise<ExitCode> {
  if (options.output !== undefined || options.report.length > 0 || options.format !== "text") {
    throw new UsageError("--watch prints text on stdout: it cannot be combined with --format, --output or --report");
  }
  const color = environment.stdout.isTTY === true && environment.env.NO_COLOR === undefined;
  const first = await checkedReport(environment, ports, paths, options);
  // File paths from the current folder, as the text report of `check` prints them.
  const shown = {
    color,
    quiet: options.quiet,
    pathPrefix: relative(environment.cwd, first.loaded.rootDir).split(sep).join("/"),
  };
  let previous = first.report.violations;
  let pending: string[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running = Promise.resolve();

  const recheck = async (changed: readonly string[]): Promise<void> => {
    try {
      const { report } = await checkedReport(environment, ports, paths, options);
      const { added, fixed } = diffViolations(previous, report.violations);
      previous = report.violations;
      const summary = reporters.text(report, shown).trimEnd().split("\n").at(-1) ?? "";
      const lines = [
        `layerlint: ${describeChange(changed)}: ${added.length} new, ${fixed.length} fixed`,
        ...added.map((violation) => `  + ${describe(violation, (path) => reportedPath(path, shown))}`),
        ...fixed.map((violation) => `  - ${describe(violation, (path) => reportedPath(path, shown))}`),
        summary,
      ];
      environment.stdout.write(`${lines.join("\n")}\n`);
    } catch (error) {
      // A map saved half-edited, a file deleted mid-run: said, and the next save checks again.
      const message =
        error instanceof LayerlintError
          ? `${error.message} [${error.code}]`
          : `internal error: ${error instanceof Error ? error.message : String(error)}`;
      environment.stderr.write(`layerlint: ${message}\n(still watching)\n`);
    }
  };
  ports.watcher.watch(first.loaded.rootDir, first.loaded.map.include, (changed) => {
    const relevant = changed.filter((path) => !IGNORED.test(path));
    if (relevant.length === 0) return;
    appendAll(pending, relevant);
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = [...new Set(pending)].sort();
      pending = [];
      running = running.then(() => recheck(batch));
    }, SETTLE_MS);
  });
  // Printed once the folders are watched: a save made as soon as the report appears is seen.
  environment.stdout.write(reporters.text(first.report, shown));
  return new Promise<ExitCode>(() => undefined);
}

function describeChange(changed: readonly string[]): string {
  const [only, ...others] = changed;
  return only !== undefined && others.length === 0 ? `${only} changed` : `${changed.length} files changed`;
}

function describe(violation: Violation, shownPath: (path: string) => string): string {
  const from = shownPath(violation.from);
  const where = violation.line === null ? from : `${from}:${violation.line}:${violation.column}`;
  return `${violation.severity} ${violation.rule}  ${where}  ${violation.message}  ${violation.id}`;
}
