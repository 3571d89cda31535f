import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixturePath, runBuiltCli, type CliRun } from "../helpers/run-built-cli.js";

/** A temporary copy of a fixture project, to change files in and run the built CLI on. */
export interface TempProject {
  readonly dir: string;
  run(...args: string[]): CliRun;
  /** `check --format json` parsed, with the exit code. */
  checkJson(...args: string[]): { status: number | null; report: any; stderr: string };
  read(file: string): string;
  write(file: string, text: string): void;
  remove(): void;
}

export function copyFixture(name: string): TempProject {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `layerlint-${name}-`)));
  cpSync(fixturePath(name), dir, { recursive: true });
  const run = (...args: string[]) => runBuiltCli(args, dir);
  return {
    dir,
    run,
    checkJson(...args) {
      const result = run("check", "--format", "json", ...args);
      return {
        status: result.status,
        report: result.stdout === "" ? null : JSON.parse(result.stdout),
        stderr: result.stderr,
      };
    },
    read: (file) => readFileSync(join(dir, file), "utf8"),
    write: (file, text) => writeFileSync(join(dir, file), text),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
