import { join } from "node:path";
import { cruise, type ICruiseResult, type IViolation } from "dependency-cruiser";
import extractDepcruiseConfig from "dependency-cruiser/config-utl/extract-depcruise-config";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";

/**
 * The violations raw dependency-cruiser finds with a configuration file (an ejected one): what
 * `depcruise --config FILE --output-type json PATHS` run in `cwd` reports in `summary.violations`, through its
 * API in this process, reading the configuration and its tsconfig as its CLI does.
 */
export async function depcruiseViolations(
  cwd: string,
  configFile: string,
  paths: readonly string[] = ["src"],
): Promise<IViolation[]> {
  const ruleSet = await extractDepcruiseConfig(configFile);
  const tsConfigFile = ruleSet.options?.tsConfig?.fileName;
  const tsConfig = tsConfigFile === undefined ? undefined : extractTSConfig(join(cwd, tsConfigFile));
  const result = await cruise(
    [...paths],
    { validate: true, ruleSet, outputType: "json", baseDir: cwd },
    {},
    tsConfig === undefined ? {} : { tsConfig },
  );
  return (JSON.parse(result.output as string) as ICruiseResult).summary.violations;
}
