import { runBuiltCli, type CliRun } from "../helpers/run-built-cli.js";
import { copyFixtureFolder, type FixtureCopy } from "../helpers/temp-fixture.js";

/** A temporary copy of a fixture project, to change files in and run the built CLI on. */
export interface TempProject extends FixtureCopy {
  run(...args: string[]): CliRun;
  /** `check --format json` parsed, with the exit code. */
  checkJson(...args: string[]): { status: number | null; report: any; stderr: string };
}

export function copyFixture(name: string): TempProject {
  const copy = copyFixtureFolder(name);
  const run = (...args: string[]) => runBuiltCli(args, copy.dir);
  return {
    ...copy,
    run,
    checkJson(...args) {
      const result = run("check", "--format", "json", ...args);
      return {
        status: result.status,
        report: result.stdout === "" ? null : JSON.parse(result.stdout),
        stderr: result.stderr,
      };
    },
  };
}
