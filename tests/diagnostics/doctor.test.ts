import { describe, expect, it } from "vitest";
import { fixturePath } from "../helpers/run-built-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

/** `layerlint doctor` through the built CLI: each finding has a fixture that triggers it, and doctor-clean triggers none. */

interface Finding {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly hint: string | null;
  readonly location: { readonly file: string; readonly line: number | null; readonly column: number | null } | null;
  readonly files: readonly string[];
}

async function doctor(fixture: string, ...args: string[]) {
  const run = await runInProcess(["doctor", "--format", "json", ...args], fixturePath(fixture));
  const report = JSON.parse(run.stdout) as { version: number; summary: Record<string, number>; findings: Finding[] };
  return {
    status: run.status,
    stderr: run.stderr,
    report,
    brief: report.findings.map(
      (finding) =>
        `${finding.severity} ${finding.code} ${finding.location === null ? "-" : `${finding.location.file}:${finding.location.line}:${finding.location.column}`} ${finding.message}`,
    ),
  };
}

describe("layerlint doctor", () => {
  it("finds nothing in a map that fits its project, even with --strict", async () => {
    const run = await doctor("doctor-clean", "--strict");
    expect(run.status).toBe(0);
    expect(run.report).toEqual({
      version: 1,
      summary: { error: 0, warning: 0, info: 0, files: 3, layers: 3 },
      findings: [],
    });
  });

  it("reports every smell with a severity and the map line behind it, and exits 0 on warnings", async () => {
    const run = await doctor("doctor-smells");
    expect(run.status).toBe(0);
    expect(run.brief).toEqual([
      "warning layer-matches-nothing layers.yaml:16:12 layer jobs matches no checked file: its rules can never fire",
      'warning glob-matches-nothing layers.yaml:5:28 glob "src/routes/**" of layer http matches no checked file',
      "warning claimed-by-several-layers layers.yaml:12:12 1 file is claimed by app and domain: app wins, being first in map order (src/domain/pricing-service.ts)",
      "warning unclaimed-files - src/utils/**: 2 files in no layer",
      "warning allowed-cycle layers.yaml:10:17 app and domain may import each other: app → domain → app",
      "info unused-may-import layers.yaml:10:25 app may import jobs, but no file of app does",
      "info unused-may-import layers.yaml:13:17 domain may import app, but no file of domain does",
      "info unused-may-import layers.yaml:6:22 http may import domain, but no file of http does",
      'info unused-package layers.yaml:7:29 http may use "express", but no file of http imports it',
    ]);
    const unclaimed = run.report.findings.find((finding) => finding.code === "unclaimed-files");
    expect(unclaimed?.files).toEqual(["src/utils/dates.ts", "src/utils/strings.ts"]);
    expect(unclaimed?.hint).toBe(
      'add "src/utils/**" to layers.app.paths: it fits without a new violation (imported by app)',
    );
    expect(run.report.summary).toEqual({ error: 0, warning: 5, info: 4, files: 6, layers: 4 });
  });

  it("--strict turns warnings into errors and exits 1; info stays info", async () => {
    const run = await doctor("doctor-smells", "--strict");
    expect(run.status).toBe(1);
    expect(run.report.summary).toEqual({ error: 5, warning: 0, info: 4, files: 6, layers: 4 });
  });

  it("finds a cycle through three layers, each allowance used", async () => {
    const run = await doctor("doctor-long-cycle");
    expect(run.status).toBe(0);
    expect(run.brief).toEqual([
      "warning allowed-cycle layers.yaml:5:17 a, b, c may import each other in a cycle: a → b → c → a",
    ]);
  });

  it("lists the presets extended and what the user's file overrides", async () => {
    const run = await doctor("doctor-preset");
    expect(run.status).toBe(0);
    expect(run.brief).toEqual([
      "info extends-preset layers.yaml:2:11 extends preset layered",
      "info overrides-preset layers.yaml:8:3 adds layer jobs, which no preset defines",
      'info overrides-preset layers.yaml:3:10 exclude replaces the preset\'s ["**/*.test.ts", "**/*.spec.ts"] with ["**/*.test.ts"]',
      'info overrides-preset layers.yaml:6:12 layers.presentation.paths replaces the preset\'s ["src/**/{presentation,http,controllers,routes,handlers,views}/**"] with ["src/web/**"]',
      "info overrides-preset layers.yaml:7:3 removes the preset's layer persistence",
    ]);
  });

  it("says when include holds no source file, and nothing more", async () => {
    const run = await doctor("doctor-empty");
    expect(run.status).toBe(0);
    expect(run.brief).toEqual([
      "warning nothing-checked layers.yaml:2:10 include and exclude leave no source file: nothing can be diagnosed against files",
    ]);
  });

  it("prints text with a severity, a location, the finding and a hint per line, then the counts", async () => {
    const run = await runInProcess(["doctor"], fixturePath("doctor-long-cycle"));
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        "warning layers.yaml:5:17  a, b, c may import each other in a cycle: a → b → c → a [allowed-cycle]",
        "        → layers that may import each other are one layer in practice: decide which way the dependency goes and remove the allowance against it",
        "",
        "✔ doctor: 0 errors, 1 warning, 0 info · 3 layers, 3 checked files",
        "",
      ].join("\n"),
    );
    expect(run.stderr).toBe("");
  });

  it("is byte-identical across runs", async () => {
    expect((await runInProcess(["doctor", "--format", "json"], fixturePath("doctor-smells"))).stdout).toBe(
      (await runInProcess(["doctor", "--format", "json"], fixturePath("doctor-smells"))).stdout,
    );
  });

  it("exits 2 on a bad format, as a usage error", async () => {
    const run = await runInProcess(["doctor", "--format", "xml"], fixturePath("doctor-clean"));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("argument 'xml' is invalid");
  });
});
