import { initMap } from "../../application/init-map.js";
import type { CheckPorts } from "../../application/ports.js";
import { reporters } from "../../reporters/index.js";
import type { CliEnvironment } from "../cli-environment.js";
import type { CommandRegistration } from "./command-context.js";
import { EXIT, type ExitCode } from "../exit-codes.js";

export interface InitCommandOptions {
  readonly preset?: string;
  readonly force: boolean;
}

export const registerInitCommand: CommandRegistration = (program, { environment, ports, exitWith }) => {
  program
    .command("init")
    .description("write a layers.yaml for this folder's layout after the closest preset, then check once")
    .option(
      "--preset <name>",
      "use this preset (layered, clean, hexagonal, backend-standard) or nestjs, instead of the closest",
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
  const { plan, report } = await initMap(ports, {
    rootDir: environment.cwd,
    preset: options.preset ?? null,
    force: options.force,
  });
  const chosen =
    options.preset === undefined
      ? `closest: ${plan.scores.map((score) => `${score.name} ${score.classified}`).join(", ")} of ${plan.files} files`
      : "--preset";
  const lines = [
    `wrote layers.yaml after ${plan.candidate.origin} (${chosen})`,
    ...plan.layers.map((layer) => `  ${layer.name}: ${layer.paths.join(", ")}`),
    "",
    "layerlint check:",
  ];
  environment.stdout.write(`${lines.join("\n")}\n`);
  const color = environment.stdout.isTTY === true && environment.env.NO_COLOR === undefined;
  environment.stdout.write(reporters.text(report, { color, quiet: false }));
  environment.stdout.write(
    "\nnext: edit layers.yaml and run `layerlint doctor` to review it; `layerlint explain FILE` shows why a file's imports pass or fail, and `layerlint explain --violation ID` tells one violation's story (`layerlint check --format json` prints the ids)\n",
  );
  return EXIT.clean;
}
