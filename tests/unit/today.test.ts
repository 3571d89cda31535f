import { describe, expect, it } from "vitest";
import type { CliEnvironment } from "../../src/cli/cli-environment.js";
import { runCli } from "../../src/cli/run-cli.js";
import { sourceDateOf, todayOf } from "../../src/cli/today.js";
import { UsageError } from "../../src/domain/errors.js";
import { fixturePath } from "../helpers/run-built-cli.js";

const NOW = new Date("2026-03-04T05:06:07Z");

describe("SOURCE_DATE_EPOCH", () => {
  it("unset or empty: today", () => {
    expect(todayOf({}, NOW)).toBe("2026-03-04");
    expect(todayOf({ SOURCE_DATE_EPOCH: "" }, NOW)).toBe("2026-03-04");
  });

  it("whole seconds since 1970, up to the latest date JavaScript holds", () => {
    expect(todayOf({ SOURCE_DATE_EPOCH: "0" }, NOW)).toBe("1970-01-01");
    expect(todayOf({ SOURCE_DATE_EPOCH: "1764000000" }, NOW)).toBe("2025-11-24");
    expect(sourceDateOf({ SOURCE_DATE_EPOCH: "8640000000000" }, NOW).toISOString()).toBe("+275760-09-13T00:00:00.000Z");
  });

  it("too large for a date: a usage error naming the variable and what is accepted", () => {
    const tooLarge = () => todayOf({ SOURCE_DATE_EPOCH: "99999999999999999999" }, NOW);
    expect(tooLarge).toThrow(UsageError);
    expect(tooLarge).toThrow(
      'SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 up to 8640000000000 (the year 275760), not "99999999999999999999"',
    );
    expect(() => todayOf({ SOURCE_DATE_EPOCH: "8640000000001" }, NOW)).toThrow(UsageError);
  });

  it("not digits: a usage error quoting the value on one line, cut at 40 characters", () => {
    expect(() => todayOf({ SOURCE_DATE_EPOCH: "-1" }, NOW)).toThrow(
      'SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not "-1"',
    );
    expect(() => todayOf({ SOURCE_DATE_EPOCH: "1\n2" }, NOW)).toThrow('not "1\\n2"');
    expect(() => todayOf({ SOURCE_DATE_EPOCH: "x".repeat(100) }, NOW)).toThrow(`not "${"x".repeat(40)}…"`);
  });

  it("check with a huge SOURCE_DATE_EPOCH: exit 2, one line, no internal error", async () => {
    const err: string[] = [];
    const environment: CliEnvironment = {
      argv: ["check", "--no-cache"],
      cwd: fixturePath("small-backend"),
      env: { SOURCE_DATE_EPOCH: "99999999999999999999" },
      stdout: { write: () => true },
      stderr: { write: (text: string) => err.push(text) },
      ports: { syntax: { check: () => Promise.resolve([]) } },
    };
    expect(await runCli(environment)).toBe(2);
    expect(err.join("")).toBe(
      'layerlint: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 up to 8640000000000 (the year 275760), not "99999999999999999999" [LL-USAGE]\n',
    );
  });
});
