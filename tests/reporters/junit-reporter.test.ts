import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { junitReporter } from "../../src/reporters/junit-reporter.js";
import { expectGolden, fixtureReport, staleBaselineReport } from "./fixture-reports.js";

const options = { color: false, quiet: false };
const ARRAYS = new Set(["testsuites.testsuite", "testsuites.testsuite.testcase"]);

/** Well-formed XML first (the validator names the line of any error), then its tree. */
function parseJunit(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({
    ignoreAttributes: false,
    htmlEntities: true,
    attributeNamePrefix: "",
    parseAttributeValue: false,
    isArray: (_name, path) => typeof path === "string" && ARRAYS.has(path),
  }).parse(xml);
}

describe("the JUnit reporter", () => {
  it("is well-formed XML, byte-identical to the golden file on the small backend", async () => {
    const xml = junitReporter(await fixtureReport("small-backend"), options);
    parseJunit(xml);
    expectGolden("small-backend.junit.xml", xml);
  });

  it("has a test suite per rule and a failing test case per violation with its file, line, rule, message, severity and fix", async () => {
    const { testsuites } = parseJunit(junitReporter(await fixtureReport("small-backend"), options));
    expect(testsuites).toMatchObject({ name: "layerlint", tests: "3", failures: "3", errors: "0" });
    expect(testsuites.testsuite.map((suite: { name: string }) => suite.name)).toEqual([
      "transport-may-not-import-persistence",
      "domain-may-not-use-unlisted-packages",
      "no-unassigned-files",
    ]);
    const [layer] = testsuites.testsuite[0].testcase;
    expect(layer).toEqual({
      classname: "transport-may-not-import-persistence",
      name: "src/http/users-route.ts → src/db/user-repository.ts",
      file: "src/http/users-route.ts",
      line: "2",
      failure: {
        type: "error",
        message: "transport may not import persistence: src/http/users-route.ts imports src/db/user-repository.ts",
        "#text":
          'src/http/users-route.ts:2:1 "../db/user-repository.js"\nsrc/http/users-route.ts:9:37 "../db/user-repository.js"\nfix: transport may import domain: reach persistence through one of them, or add persistence to layers.transport.mayImport if the map is what is wrong',
      },
    });
    const [unassigned] = testsuites.testsuite[2].testcase;
    expect(unassigned).toMatchObject({
      name: "src/main.ts",
      file: "src/main.ts",
      line: "1",
      failure: { type: "error", message: "no layer claims src/main.ts" },
    });
  });

  it("escapes what XML reserves, in attributes and in text", async () => {
    const report = await fixtureReport("small-backend");
    const nasty = "a <b> & \"c\" 'd'\nnext\u0001";
    const [first] = report.violations;
    const tricky = { ...report, violations: [{ ...first!, message: nasty, fix: nasty, rule: `r${nasty}` }] };
    const { testsuites } = parseJunit(junitReporter(tricky, options));
    expect(testsuites.testsuite[0].name).toBe("ra <b> & \"c\" 'd'\nnext\uFFFD");
    expect(testsuites.testsuite[0].testcase[0].failure.message).toBe("a <b> & \"c\" 'd'\nnext\uFFFD");
    expect(testsuites.testsuite[0].testcase[0].failure["#text"]).toContain("fix: a <b> & \"c\" 'd'\nnext\uFFFD");
  });

  it("a warning is a passing test case with a system-out note, never a failure; --quiet leaves it out", async () => {
    const report = await fixtureReport("small-backend");
    const warned = {
      ...report,
      violations: report.violations.map((violation) => ({ ...violation, severity: "warn" as const })),
    };
    const { testsuites } = parseJunit(junitReporter(warned, options));
    expect(testsuites).toMatchObject({ tests: "3", failures: "0", errors: "0" });
    for (const suite of testsuites.testsuite) expect(suite).toMatchObject({ tests: "1", failures: "0" });
    const [first] = testsuites.testsuite[0].testcase;
    expect(first).not.toHaveProperty("failure");
    expect(first["system-out"]).toBe(
      'warning: transport may not import persistence: src/http/users-route.ts imports src/db/user-repository.ts\nsrc/http/users-route.ts:2:1 "../db/user-repository.js"\nsrc/http/users-route.ts:9:37 "../db/user-repository.js"\nfix: transport may import domain: reach persistence through one of them, or add persistence to layers.transport.mayImport if the map is what is wrong',
    );
    expect(
      parseJunit(junitReporter(warned, { color: false, quiet: true })).testsuites.testsuite[0].testcase[0],
    ).toEqual({ classname: "layerlint", name: "imports follow the layer map" });
  });

  it("a check that passes on a warning (the warn-allowance fixture): tests=1 failures=0, the warning a passed test case", async () => {
    const xml = junitReporter(await fixtureReport("warn-allowance"), options);
    expect(xml).not.toContain("<failure");
    const { testsuites } = parseJunit(xml);
    expect(testsuites).toMatchObject({ tests: "1", failures: "0", errors: "0" });
    expect(testsuites.testsuite).toHaveLength(1);
    expect(testsuites.testsuite[0]).toMatchObject({ name: "http-may-not-import-db", tests: "1", failures: "0" });
    expect(testsuites.testsuite[0].testcase[0]["system-out"]).toMatch(
      /^warning: http may not import db, tolerated at severity warn .*: src\/http\/orders-route.ts imports src\/db\/orders-table.ts\n/,
    );
  });

  it("errors and warnings together: failures counts the errors only", async () => {
    const report = await fixtureReport("small-backend");
    const mixed = {
      ...report,
      violations: report.violations.map((violation, index) =>
        index === 0 ? { ...violation, severity: "warn" as const } : violation,
      ),
    };
    const { testsuites } = parseJunit(junitReporter(mixed, options));
    expect(testsuites).toMatchObject({ tests: "3", failures: "2" });
    expect(testsuites.testsuite.map((suite: { failures: string }) => suite.failures)).toEqual(["0", "1", "1"]);
  });

  it("a clean run: one passing test case", async () => {
    const xml = junitReporter(await fixtureReport("clean-backend"), options);
    const { testsuites } = parseJunit(xml);
    expect(testsuites).toMatchObject({ tests: "1", failures: "0" });
    expect(testsuites.testsuite).toEqual([
      {
        name: "layerlint",
        tests: "1",
        failures: "0",
        errors: "0",
        skipped: "0",
        testcase: [{ classname: "layerlint", name: "imports follow the layer map" }],
      },
    ]);
  });

  it("a failure besides violations (a stale baseline) is a failing test case of its own", async () => {
    const report = await staleBaselineReport();
    const { testsuites } = parseJunit(junitReporter({ ...report, violations: [] }, options));
    expect(testsuites).toMatchObject({ tests: "1", failures: "1" });
    expect(testsuites.testsuite).toEqual([
      {
        name: "layerlint",
        tests: "1",
        failures: "1",
        errors: "0",
        skipped: "0",
        testcase: [
          {
            classname: "layerlint",
            name: "stale-baseline",
            failure: {
              type: "error",
              message:
                "1 baseline entry no longer occurs: the baseline only shrinks, rewrite it with --update-baseline",
              "#text":
                "1 baseline entry no longer occurs: the baseline only shrinks, rewrite it with --update-baseline",
            },
          },
        ],
      },
    ]);
  });
});
