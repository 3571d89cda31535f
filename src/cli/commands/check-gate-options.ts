import { resolve } from "node:path";
import { InvalidArgumentError, Option, type Command } from "commander";
import { applyBaseline, readBaseline, type BaselineFile } from "../../application/apply-baseline.js";
import type { CheckPorts } from "../../application/ports.js";
import type { Baseline } from "../../domain/baseline/baseline.js";
import { UsageError } from "../../domain/errors.js";
import { pathScope } from "../../domain/glob/path-scope.js";
import { restrictReport, type CheckReport } from "../../domain/report/check-report.js";
import { applyStrictness } from "../../domain/report/strictness.js";
import { applyWarningLevels, combineWarningLevels, type WarningLevels } from "../../domain/report/warning-levels.js";
import type { CliEnvironment } from "../cli-environment.js";
import { parseWarningsOption } from "./warnings-option.js";

/** The options with which CI adopts layerlint: a ratcheting baseline, changed files only, strictness. */
export interface CheckGateOptions {
  readonly baseline?: string;
  readonly staleBaseline: "error" | "warn";
  readonly updateBaseline: boolean;
  /** true: since the merge base with the default branch; a string: since the merge base with that REF. */
  readonly changed?: string | true;
  readonly maxWarnings?: number;
  readonly failOnUnresolved: boolean;
  /** `--warnings CODE=LEVEL`: overrides the map's `options.warnings`. */
  readonly warnings?: WarningLevels;
}

export function addGateOptions(command: Command): Command {
  return command
    .option("--baseline <file>", "fail only on violations not in this baseline (record one with `layerlint baseline`)")
    .addOption(
      new Option("--stale-baseline <action>", "baseline entries that no longer occur: error (exit 1) or warn")
        .choices(["error", "warn"])
        .default("error"),
    )
    .option("--update-baseline", "rewrite the baseline without its stale entries (it never gains new ones)", false)
    .option(
      "--changed [ref]",
      "report only on files changed since REF (default: the merge base with the default branch), and untracked files",
    )
    .option("--max-warnings <n>", "exit 1 when there are more than N warnings", parseCount)
    .option("--fail-on-unresolved", "exit 1 when an import cannot be resolved", false)
    .option(
      "--warnings <code=level>",
      "set a warning code to off, warn or error (repeatable); overrides the map's options.warnings",
      parseWarningsOption,
    );
}

/**
 * Reads the baseline and asks git for the changed files before the (slow) analysis, so a bad option
 * fails at once; returns what turns the analysis's report into the gated one.
 */
export async function prepareGates(
  environment: CliEnvironment,
  ports: CheckPorts,
  rootDir: string,
  only: readonly string[],
  options: CheckGateOptions,
  mapWarnings: WarningLevels = {},
): Promise<(report: CheckReport) => Promise<CheckReport>> {
  if (options.baseline === undefined && (options.updateBaseline || options.staleBaseline === "warn")) {
    throw new UsageError(
      `${options.updateBaseline ? "--update-baseline" : "--stale-baseline warn"} needs --baseline FILE`,
    );
  }
  const file: BaselineFile | null =
    options.baseline === undefined
      ? null
      : { path: resolve(environment.cwd, options.baseline), display: options.baseline };
  const baseline: Baseline | null = file === null ? null : await readBaseline(ports.fileSystem, file);
  const changed =
    options.changed === undefined
      ? null
      : new Set(
          await ports.versionControl.changedFiles(rootDir, options.changed === true ? undefined : options.changed),
        );
  const inPaths = pathScope(only);
  const inScope = (path: string) => inPaths(path) && (changed === null || changed.has(path));

  return async (analysed) => {
    let report = changed === null ? analysed : restrictReport(analysed, inScope);
    if (file !== null && baseline !== null) {
      report = await applyBaseline(ports.fileSystem, report, {
        file,
        baseline,
        stale: options.staleBaseline,
        update: options.updateBaseline,
        inScope,
      });
    }
    report = applyWarningLevels(report, combineWarningLevels(mapWarnings, options.warnings ?? {}));
    return applyStrictness(report, {
      maxWarnings: options.maxWarnings ?? null,
      failOnUnresolved: options.failOnUnresolved,
    });
  };
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number of 0 or more.");
  return Number(value);
}
