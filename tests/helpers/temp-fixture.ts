import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import { fixturePath, type CliRun } from "./run-built-cli.js";
import { runInProcess } from "./run-in-process.js";

/**
 * A temporary copy of a fixture project, to change files in and run the CLI on in this process. Its check
 * cache stays in the copy (`node_modules/.cache/layerlint`), as a user's would, so runs warm each other.
 * For what needs a real process (exit codes, signals, the cache across processes), see `tests/baseline/temp-project.ts`.
 */
export interface TempFixture extends FixtureCopy {
  run(...args: string[]): Promise<CliRun>;
  /** `check --format json` parsed, with the exit code. */
  checkJson(...args: string[]): Promise<{ status: number | null; report: any; stderr: string }>;
}

/** A fixture copied to a temporary folder, with what every test does to such a copy. */
export interface FixtureCopy {
  readonly dir: string;
  read(file: string): string;
  write(file: string, text: string): void;
  remove(): void;
}

export function copyFixtureFolder(name: string): FixtureCopy {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `layerlint-${name}-`)));
  cpSync(fixturePath(name), dir, { recursive: true });
  return {
    dir,
    read: (file) => readFileSync(join(dir, file), "utf8"),
    write: (file, text) => writeFileSync(join(dir, file), text),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function copyFixtureInProcess(name: string): TempFixture {
  const copy = copyFixtureFolder(name);
  const run = (...args: string[]) => runInProcess(args, copy.dir, {}, { cache: "project" });
  return {
    ...copy,
    run,
    async checkJson(...args) {
      const result = await run("check", "--format", "json", ...args);
      return {
        status: result.status,
        report: result.stdout === "" ? null : JSON.parse(result.stdout),
        stderr: result.stderr,
      };
    },
  };
}

/** An empty temporary folder made before each test of the calling file and removed after it: call it for its path. */
export function emptyFolderPerTest(prefix: string): () => string {
  let dir: string | null = null;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => {
    if (dir !== null) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });
  return () => {
    if (dir === null) throw new Error("the temporary folder exists only while a test runs");
    return dir;
  };
}
