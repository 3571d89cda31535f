import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import ajvDraft04 from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { LAYERLINT_VERSION } from "../../src/cli/layerlint-version.js";
import { sarifReporter } from "../../src/reporters/sarif-reporter.js";
import { expectGolden, fixtureReport, staleBaselineReport } from "./fixture-reports.js";

/**
 * The official SARIF 2.1.0 schema (draft-04), as shipped by Microsoft's package: never written by hand.
 * Its language-tag pattern is not a valid Unicode regular expression, hence `unicodeRegExp: false`.
 */
const schemaPath = createRequire(import.meta.url).resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
const Ajv = ajvDraft04.default; // a CommonJS module: its class is `default` under NodeNext
const validateSarif = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(
  JSON.parse(readFileSync(schemaPath, "utf8")),
);

function expectValidSarif(text: string): void {
  const valid = validateSarif(JSON.parse(text));
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

const options = { color: false, quiet: false };

describe("the SARIF reporter", () => {
  it("is valid SARIF 2.1.0 and byte-identical to the golden file on the small backend", async () => {
    const text = sarifReporter(await fixtureReport("small-backend"), { ...options, toolVersion: LAYERLINT_VERSION });
    expectValidSarif(text);
    expectGolden("small-backend.sarif", text);
  });

  it("stays valid SARIF with the map's exceptions and the tool's version, which name the driver", async () => {
    const text = sarifReporter(await fixtureReport("exceptions"), { ...options, toolVersion: "1.2.3" });
    expectValidSarif(text);
    const driver = JSON.parse(text).runs[0].tool.driver;
    expect([driver.name, driver.version, driver.semanticVersion]).toEqual(["layerlint", "1.2.3", "1.2.3"]);
  });

  it("has one rule per rule with a violation, with a help text holding the fix, and its level", async () => {
    const sarif = JSON.parse(sarifReporter(await fixtureReport("small-backend"), options));
    const rules = sarif.runs[0].tool.driver.rules;
    expect(rules.map((rule: { id: string }) => rule.id)).toEqual([
      "transport-may-not-import-persistence",
      "domain-may-not-use-unlisted-packages",
      "no-unassigned-files",
    ]);
    expect(rules[0].help.text).toBe(
      "transport may import domain: reach persistence through one of them, or add persistence to layers.transport.mayImport if the map is what is wrong",
    );
    expect(rules[0].shortDescription.text).toBe("transport may not import persistence");
    expect(rules[0].defaultConfiguration.level).toBe("error");
  });

  it("has one result per violation with its rule, level, message with the fix, file, line and column of every statement", async () => {
    const [layer, packageResult, unassigned] = JSON.parse(sarifReporter(await fixtureReport("small-backend"), options))
      .runs[0].results;
    expect(layer.ruleId).toBe("transport-may-not-import-persistence");
    expect(layer.ruleIndex).toBe(0);
    expect(layer.level).toBe("error");
    expect(layer.message.text).toBe(
      "transport may not import persistence: src/http/users-route.ts imports src/db/user-repository.ts. Fix: transport may import domain: reach persistence through one of them, or add persistence to layers.transport.mayImport if the map is what is wrong",
    );
    expect(layer.locations.map((location: { physicalLocation: unknown }) => location.physicalLocation)).toEqual([
      {
        artifactLocation: { uri: "src/http/users-route.ts", uriBaseId: "%SRCROOT%" },
        region: { startLine: 2, startColumn: 1 },
      },
      {
        artifactLocation: { uri: "src/http/users-route.ts", uriBaseId: "%SRCROOT%" },
        region: { startLine: 9, startColumn: 37 },
      },
    ]);
    expect(layer.partialFingerprints).toEqual({ "layerlintViolationId/v1": "layer-96994ad2aa5f" });
    expect(packageResult.ruleId).toBe("domain-may-not-use-unlisted-packages");
    expect(packageResult.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
    expect(unassigned.ruleId).toBe("no-unassigned-files");
    expect(unassigned.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "src/main.ts", uriBaseId: "%SRCROOT%" },
      region: { startLine: 1 },
    });
  });

  it("says warn-severity violations are warnings, and --quiet leaves them and the tool's warnings out", async () => {
    const report = await fixtureReport("small-backend");
    const warned = {
      ...report,
      violations: report.violations.map((violation) => ({ ...violation, severity: "warn" as const })),
    };
    const sarif = JSON.parse(sarifReporter(warned, options));
    expect(sarif.runs[0].results.map((result: { level: string }) => result.level)).toEqual([
      "warning",
      "warning",
      "warning",
    ]);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications).toEqual([
      {
        descriptor: { id: "unresolved-import" },
        level: "warning",
        message: { text: 'src/http/users-route.ts imports "express", which cannot be resolved' },
        locations: [
          { physicalLocation: { artifactLocation: { uri: "src/http/users-route.ts", uriBaseId: "%SRCROOT%" } } },
        ],
      },
    ]);
    const quiet = JSON.parse(sarifReporter(warned, { color: false, quiet: true }));
    expect(quiet.runs[0].results).toEqual([]);
    expect(quiet.runs[0].tool.driver.rules).toEqual([]);
    expect(quiet.runs[0].invocations[0].toolExecutionNotifications).toEqual([]);
  });

  it("puts the path prefix before every file, for a map in a subfolder of the repository", async () => {
    const sarif = JSON.parse(
      sarifReporter(await fixtureReport("small-backend"), { ...options, pathPrefix: "services/api" }),
    );
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      "services/api/src/http/users-route.ts",
    );
  });

  it("a clean run: valid SARIF with no rules and no results", async () => {
    const text = sarifReporter(await fixtureReport("clean-backend"), options);
    expectValidSarif(text);
    const run = JSON.parse(text).runs[0];
    expect(run.tool.driver).toEqual({ name: "layerlint", rules: [] });
    expect(run.results).toEqual([]);
  });

  it("the schema check can fail: a result without a message is refused", async () => {
    const sarif = JSON.parse(sarifReporter(await fixtureReport("small-backend"), options));
    delete sarif.runs[0].results[0].message;
    expect(validateSarif(sarif)).toBe(false);
  });

  it("against a baseline: every result is new, and a stale baseline is an error notification", async () => {
    const text = sarifReporter(await staleBaselineReport(), options);
    expectValidSarif(text);
    const run = JSON.parse(text).runs[0];
    expect(run.results.map((result: { baselineState: string }) => result.baselineState)).toEqual(["new", "new", "new"]);
    expect(run.invocations[0].toolExecutionNotifications[0]).toEqual({
      descriptor: { id: "stale-baseline" },
      level: "error",
      message: {
        text: "1 baseline entry no longer occurs: the baseline only shrinks, rewrite it with --update-baseline",
      },
      locations: [],
    });
  });
});
