import { initMap, type InitOutcome } from "../../application/init-map.js";
import type { InitPlan } from "../../domain/init/plan-layer-map.js";
import type { CheckReport } from "../../domain/report/check-report.js";
import type { Violation } from "../../domain/violations/violation.js";
import { groupByRule } from "../../reporters/group-by-rule.js";
import type { CheckPorts } from "../../application/ports.js";
import { reporters } from "../../reporters/index.js";
import type { CliEnvironment } from "../cli-environment.js";
import type { CommandRegistration } from "./command-context.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { listed } from "../../domain/quoted-name.js";

export interface InitCommandOptions {
  readonly preset?: string;
  readonly force: boolean;
}

export const registerInitCommand: CommandRegistration = (program, { environment, ports, exitWith }) => {
  program
    .command("init")
    .description("write a layers.yaml that places this project's files by their folder and file names, then check once")
    .option(
      "--preset <name>",
      "fit this preset (layered, clean, hexagonal, backend-standard) or nestjs " +
        "instead of reading the folder and file names",
    )
    .option("--force", "overwrite an existing layers.yaml", false)
    .action(async (options: InitCommandOptions) => {
      exitWith(await runInitCommand(environment, ports, options));
    });
};

export async function runInitCommand(
  environment: CliEnvironment,
  ports: CheckPorts,
  options: InitCommandOptions,
): Promise<ExitCode> {
  const outcome = await initMap(ports, {
    rootDir: environment.cwd,
    preset: options.preset ?? null,
    force: options.force,
  });
  const color = environment.stdout.isTTY === true && environment.env.NO_COLOR === undefined;
  const summary = outcome.kind === "vocabulary" ? vocabularySummary(outcome) : presetSummary(outcome.plan);
  const lines = [...summary, "", ...foldedCheck(outcome.report, color)];
  environment.stdout.write(`${lines.join("\n")}\n`);
  return EXIT.clean;
}

function vocabularySummary(outcome: Extract<InitOutcome, { kind: "vocabulary" }>): string[] {
  const { plan, sources } = outcome;
  const placed = plan.files - plan.unassigned.length;
  const contexts =
    plan.contexts === null
      ? ""
      : `, ${plan.contexts.names.length} contexts (${plan.contexts.names.map(listed).join(", ")})`;
  const placedBy = `${placed} of ${plan.files} source files placed by their folder and file names`;
  const included = `${sources.include.map(listed).join(", ")} (${sources.includeFrom})`;
  return [
    `wrote layers.yaml: ${plan.layers.length} layers${contexts}; ${placedBy}, ${plan.unassigned.length} unassigned`,
    `  include: ${included}; tests, build output and what .gitignore ignores are excluded`,
    ...plan.layers.map((layer) => `  ${layer.name} (${layer.files}): ${layer.paths.map(listed).join(", ")}`),
    ...(plan.unassigned.length > 0
      ? ["  unassigned files are warnings: `layerlint doctor` suggests a layer for each folder of them"]
      : []),
  ];
}

function presetSummary(plan: InitPlan): string[] {
  return [
    `wrote layers.yaml after ${plan.candidate.origin} (--preset)`,
    ...plan.layers.map((layer) => `  ${layer.name}: ${layer.paths.map(listed).join(", ")}`),
  ];
}

/**
 * The first check folded: its counts line, the rules broken most (errors), the rules warned most, and the
 * commands to see everything.
 */
function foldedCheck(report: CheckReport, color: boolean): string[] {
  const text = reporters.text(report, { color, quiet: false }).trimEnd().split("\n");
  const counts = text[text.length - 1] ?? "";
  const errors = report.violations.filter((violation) => violation.severity !== "warn");
  const warnings = report.violations.filter((violation) => violation.severity === "warn");
  return [
    `first check: ${counts}`,
    ...topRules("rules broken most", errors),
    ...topRules("rules warned most", warnings),
    "",
    "next: `layerlint check` shows every violation; `layerlint doctor` reviews the map; " +
      "`layerlint explain FILE` shows why a file's imports pass or fail",
  ];
}

function topRules(title: string, violations: readonly Violation[]): string[] {
  const byRule = [...groupByRule(violations)]
    .map(([rule, members]) => ({ rule, count: members.length }))
    .sort((a, b) => b.count - a.count || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const top = byRule.slice(0, 5);
  if (top.length === 0) return [];
  return [
    `  ${title}:`,
    ...top.map(({ rule, count }) => `    ${count} × ${rule}`),
    ...(byRule.length > top.length ? [`    … and ${byRule.length - top.length} more rules`] : []),
  ];
}
