import { describe, expect, it } from "vitest";
import type { CheckPorts } from "../../src/application/ports.js";
import type { CliEnvironment } from "../../src/cli/cli-environment.js";
import { runCli } from "../../src/cli/run-cli.js";
import { DependencyFailure } from "../../src/domain/errors.js";
import { fixturePath } from "../helpers/run-built-cli.js";

/** Vitest runs the TypeScript sources, where the syntax worker's compiled file does not exist; the built CLI tests cover it. */
const noSyntaxProblems: Partial<CheckPorts> = { syntax: { check: () => Promise.resolve([]) } };

function capture(argv: string[], overrides: Partial<CheckPorts> = {}, cwd = fixturePath("small-backend")) {
  const ports = { ...noSyntaxProblems, ...overrides };
  const out: string[] = [];
  const err: string[] = [];
  const environment: CliEnvironment = {
    argv,
    cwd,
    env: {},
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    ports,
  };
  return { run: () => runCli(environment), stdout: () => out.join(""), stderr: () => err.join("") };
}

describe("the CLI run in-process", () => {
  it("exits 3 with one paragraph and no stack when the extractor fails", async () => {
    const failing = capture(["check"], {
      extractor: {
        extract: () =>
          Promise.reject(new DependencyFailure("dependency-cruiser failed: disk on fire", new Error("disk on fire"))),
      },
    });
    expect(await failing.run()).toBe(3);
    expect(failing.stdout()).toBe("");
    expect(failing.stderr()).toBe("layerlint: dependency-cruiser failed: disk on fire [LL-DEPENDENCY]\n");
  });

  it("exits 3 for an unexpected internal error, and shows the stack only with --debug", async () => {
    const broken = { extractor: { extract: () => Promise.reject(new TypeError("cannot read x of undefined")) } };
    const quiet = capture(["check"], broken);
    expect(await quiet.run()).toBe(3);
    expect(quiet.stderr()).toBe(
      "layerlint: internal error: cannot read x of undefined [LL-INTERNAL]\nRun again with --debug for the stack trace, and report it.\n",
    );

    const debug = capture(["--debug", "check"], broken);
    expect(await debug.run()).toBe(3);
    expect(debug.stderr()).toMatch(
      /^layerlint: internal error: cannot read x of undefined \[LL-INTERNAL\]\nTypeError: cannot read x of undefined\n\s+at /,
    );
  });

  it("exits 1 on violations and writes the report to stdout only", async () => {
    const run = capture(["check", "--format", "json"]);
    expect(await run.run()).toBe(1);
    expect(JSON.parse(run.stdout()).summary.violations).toEqual({
      layer: 1,
      package: 1,
      private: 0,
      context: 0,
      unassigned: 1,
      cycle: 0,
      size: 0,
    });
    expect(run.stderr()).toBe("");
  });

  it("exits 0 when PATHS narrow the report to a clean file, still resolving over the whole tree", async () => {
    const run = capture(["check", "--format", "json", "src/db"]);
    expect(await run.run()).toBe(0);
    const report = JSON.parse(run.stdout());
    expect(report.violations).toEqual([]);
    expect(report.summary.modules).toBe(4);
  });

  it("prints timings on stderr only when asked, never in the report", async () => {
    const run = capture(["check", "--timings", "--format", "json"]);
    await run.run();
    expect(run.stderr()).toMatch(
      /^timings: list \d+ ms, workspaces \d+ ms, cruise \d+ ms, cycles \d+ ms, locate \d+ ms, parse-check \d+ ms\n$/,
    );
    expect(run.stdout()).not.toMatch(/\d+ ms/);
  });
});
