import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturePath, type CliRun } from "../helpers/run-built-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

const FIXTURE = fixturePath("exceptions");
const epoch = (day: string): string => String(Date.parse(`${day}Z`) / 1000);
const check = (day: string, ...args: string[]): Promise<CliRun> =>
  runInProcess(["check", ...args], FIXTURE, { SOURCE_DATE_EPOCH: epoch(day) });

const ACTIVE = [
  {
    from: "src/http/report.ts",
    to: "src/db/raw.ts",
    reason: "the monthly report reads raw rows until the reporting service exists",
    until: null,
    covered: 1,
    status: "active",
  },
  {
    from: "src/http/**",
    to: "not-installed",
    reason: "being replaced by native array methods",
    until: null,
    covered: 1,
    status: "active",
  },
];
const OLD = {
  from: "src/http/old.ts",
  to: "src/db/old.ts",
  reason: "old endpoint, removed in the January release",
  until: "2026-01-31",
};
const STALE = {
  from: "src/http/gone.ts",
  to: "src/db/**",
  reason: "gone.ts was deleted last sprint",
  until: null,
  covered: 0,
  status: "stale",
};
const STALE_WARNING = {
  code: "stale-exception",
  message:
    'exception src/http/gone.ts → src/db/** ("gone.ts was deleted last sprint") matches no violation: remove it from exceptions',
};
const UNRESOLVED_WARNING = {
  code: "unresolved-import",
  message: 'src/http/report.ts imports "not-installed", which cannot be resolved',
  file: "src/http/report.ts",
};

interface Report {
  summary: { violations: Record<string, number>; exceptions: unknown[] };
  violations: { from: string; to: string }[];
  warnings: unknown[];
}

describe("exceptions", () => {
  it("except the layer and package violations they match, up to and including their until day, and list every exception with what it covered", async () => {
    const run = await check("2026-01-31T23:59:59", "--format", "json");
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.violations.map((violation) => `${violation.from} → ${violation.to}`)).toEqual([
      "src/http/users.ts → src/db/users.ts",
    ]);
    expect(report.summary.violations).toEqual({
      layer: 1,
      package: 0,
      private: 0,
      context: 0,
      unassigned: 0,
      cycle: 0,
      size: 0,
    });
    expect(report.summary.exceptions).toEqual([...ACTIVE, { ...OLD, covered: 1, status: "active" }, STALE]);
    expect(report.warnings).toEqual([STALE_WARNING, UNRESOLVED_WARNING]);
  });

  it("after its until day an exception excepts nothing, and a warning says it expired", async () => {
    const report = JSON.parse((await check("2026-02-01T00:00:00", "--format", "json")).stdout) as Report;
    expect(report.violations.map((violation) => `${violation.from} → ${violation.to}`)).toEqual([
      "src/http/old.ts → src/db/old.ts",
      "src/http/users.ts → src/db/users.ts",
    ]);
    expect(report.summary.exceptions).toEqual([...ACTIVE, { ...OLD, covered: 0, status: "expired" }, STALE]);
    expect(report.warnings).toEqual([
      {
        code: "expired-exception",
        message:
          'exception src/http/old.ts → src/db/old.ts ("old endpoint, removed in the January release") expired after 2026-01-31: the violations it covered count again (fix them, or move until if the map is what is wrong)',
      },
      STALE_WARNING,
      UNRESOLVED_WARNING,
    ]);
  });

  it("lists the exceptions in the text report, even with --quiet", async () => {
    const run = await check("2026-01-01T12:00:00", "--quiet");
    expect(run.stdout).toContain('  src/http/users.ts:1:1  "../db/users.js"  transport → db (src/db/users.ts)');
    expect(run.stdout).toContain(
      [
        "exceptions (4)",
        "  src/http/report.ts → src/db/raw.ts  covers 1  reason: the monthly report reads raw rows until the reporting service exists",
        "  src/http/** → not-installed  covers 1  reason: being replaced by native array methods",
        "  src/http/old.ts → src/db/old.ts  covers 1  until 2026-01-31  reason: old endpoint, removed in the January release",
        "  src/http/gone.ts → src/db/**  stale  reason: gone.ts was deleted last sprint",
        "",
        "✖ 1 error, 2 warnings (layer 1, package 0, private 0, context 0, unassigned 0, cycle 0, size 0) · 6 modules, 4 dependencies, 1 unresolved, 0 excluded, 0 parse errors",
        "",
      ].join("\n"),
    );
    expect(run.stdout).not.toContain("stale-exception");
  });

  it("lists them in the Markdown summary", async () => {
    const run = await check("2026-01-01T12:00:00", "--format", "markdown");
    expect(run.stdout).toContain(
      [
        "**Exceptions:** 3 violations excepted by the map.",
        "",
        "- `src/http/report.ts` → `src/db/raw.ts`: covers 1. the monthly report reads raw rows until the reporting service exists",
        "- `src/http/**` → `not-installed`: covers 1. being replaced by native array methods",
        "- `src/http/old.ts` → `src/db/old.ts`: covers 1, until 2026-01-31. old endpoint, removed in the January release",
        "- `src/http/gone.ts` → `src/db/**`: **stale**. gone.ts was deleted last sprint",
      ].join("\n"),
    );
  });

  it("lists them in SARIF (notes, and the run's property bag), JUnit (skipped test cases) and GitHub annotations (notices), even with --quiet", async () => {
    const lines = [
      "exception src/http/report.ts → src/db/raw.ts: covers 1: the monthly report reads raw rows until the reporting service exists",
      "exception src/http/** → not-installed: covers 1: being replaced by native array methods",
      "exception src/http/old.ts → src/db/old.ts: covers 1 (until 2026-01-31): old endpoint, removed in the January release",
      "exception src/http/gone.ts → src/db/**: stale: gone.ts was deleted last sprint",
    ];
    const sarif = JSON.parse((await check("2026-01-01T12:00:00", "--format", "sarif", "--quiet")).stdout) as {
      runs: [
        {
          properties: { exceptions: unknown[] };
          invocations: [
            { toolExecutionNotifications: { descriptor: { id: string }; level: string; message: { text: string } }[] },
          ];
        },
      ];
    };
    const notes = sarif.runs[0].invocations[0].toolExecutionNotifications.filter(
      (notification) => notification.descriptor.id === "exception",
    );
    expect(notes.map((note) => [note.level, note.message.text])).toEqual([
      ["note", lines[0]],
      ["note", lines[1]],
      ["note", lines[2]],
      ["warning", lines[3]],
    ]);
    expect(sarif.runs[0].properties.exceptions).toEqual([...ACTIVE, { ...OLD, covered: 1, status: "active" }, STALE]);

    const junit = (await check("2026-01-01T12:00:00", "--format", "junit", "--quiet")).stdout;
    expect(junit).toContain('<testsuites name="layerlint" tests="5" failures="1" errors="0" skipped="4">');
    expect(junit).toContain(
      [
        '  <testsuite name="exceptions" tests="4" failures="0" errors="0" skipped="4">',
        '    <testcase classname="exceptions" name="src/http/report.ts → src/db/raw.ts">',
        `      <skipped message="${lines[0] as string}"/>`,
        "    </testcase>",
      ].join("\n"),
    );

    const github = (await check("2026-01-01T12:00:00", "--format", "github", "--quiet")).stdout.split("\n");
    expect(github.filter((line) => line.includes("title=exception"))).toEqual([
      `::notice title=exception::${lines[0] as string}`,
      `::notice title=exception::${lines[1] as string}`,
      `::notice title=exception::${lines[2] as string}`,
      `::warning title=exception::${lines[3] as string}`,
    ]);
  });

  it("a SOURCE_DATE_EPOCH that is not a number of seconds is a usage error", async () => {
    const run = await runInProcess(["check"], FIXTURE, { SOURCE_DATE_EPOCH: "yesterday" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not "yesterday"');
  });

  it("an exception needs a non-empty reason, a real date and valid globs (exit 2, at the key)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "layerlint-exceptions-"));
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "src", "a.ts"), "export const a = 1;\n");
    writeFileSync(
      join(dir, "layers.yaml"),
      [
        "version: 1",
        "layers:",
        "  core:",
        '    paths: ["src/**"]',
        "exceptions:",
        "  - from: src/a.ts",
        "    to: src/b.ts",
        '    reason: "  "',
        "    until: 2026-02-30",
        "  - from: src/a.ts",
        "    to: not-installed",
        "",
      ].join("\n"),
    );
    const run = await runInProcess(["check"], dir);
    expect(run.status).toBe(2);
    // The third line's wording (a missing reason) belongs to the map parser's type messages, pinned in config-errors.
    expect(run.stderr).toMatch(
      new RegExp(
        [
          "^layerlint: the layer map has 3 problems \\[LL-CONFIG\\]",
          "layers\\.yaml:8:13 \\(exceptions\\[0\\]\\.reason\\): an exception needs a reason: say why this import is tolerated",
          "layers\\.yaml:9:12 \\(exceptions\\[0\\]\\.until\\): until must be a date written YYYY-MM-DD",
          "layers\\.yaml:10:5 \\(exceptions\\[1\\]\\.reason\\): .+\n$",
        ].join("\n"),
      ),
    );
    writeFileSync(
      join(dir, "layers.yaml"),
      [
        "version: 1",
        "layers:",
        "  core:",
        '    paths: ["src/**"]',
        "exceptions:",
        "  - from: /src/a.ts",
        "    to: src/../b.ts",
        "    reason: because",
        "",
      ].join("\n"),
    );
    expect((await runInProcess(["check"], dir)).stderr).toBe(
      [
        "layerlint: the layer map has 2 problems [LL-CONFIG]",
        `layers.yaml:6:11 (exceptions[0].from): invalid glob "/src/a.ts": it is absolute; write it relative to the map's folder`,
        `layers.yaml:7:9 (exceptions[0].to): invalid glob "src/../b.ts": '..' would reach outside the map's folder`,
        "",
      ].join("\n"),
    );
  });
});
