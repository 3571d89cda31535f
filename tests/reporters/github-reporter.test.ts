import { describe, expect, it } from "vitest";
import { githubReporter } from "../../src/reporters/github-reporter.js";
import { expectGolden, fixtureReport, staleBaselineReport } from "./fixture-reports.js";

const options = { color: false, quiet: false };

interface Annotation {
  readonly command: string;
  readonly properties: Record<string, string>;
  readonly message: string;
}

/** Reads workflow commands back the way the Actions runner does: split on the first `::`, then on `,` and `=`, then unescape. */
function readAnnotations(output: string): Annotation[] {
  return output
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => {
      const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
      expect(match, line).not.toBeNull();
      const [, command, list, message] = match as unknown as [string, string, string, string];
      const properties = Object.fromEntries(
        list.split(",").map((pair) => {
          const [key, value] = pair.split("=") as [string, string];
          return [key, unescapeProperty(value)];
        }),
      );
      return { command, properties, message: unescapeData(message) };
    });
}

function unescapeData(value: string): string {
  return value.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
}

function unescapeProperty(value: string): string {
  return unescapeData(value.replace(/%3A/g, ":").replace(/%2C/g, ","));
}

describe("the GitHub reporter", () => {
  it("prints the golden workflow commands on the small backend", async () => {
    expectGolden("small-backend.github.txt", githubReporter(await fixtureReport("small-backend"), options));
  });

  it("annotates each violation's file, line and column with its rule as title, severity as command, message and fix", async () => {
    const [layer, packageAnnotation, unassigned, warning] = readAnnotations(
      githubReporter(await fixtureReport("small-backend"), options),
    );
    expect(layer).toEqual({
      command: "error",
      properties: {
        file: "src/http/users-route.ts",
        line: "2",
        col: "1",
        title: "transport-may-not-import-persistence",
      },
      message:
        "transport may not import persistence: src/http/users-route.ts imports src/db/user-repository.ts\nalso at 9:37\nfix: transport may import domain: reach persistence through one of them, or add persistence to layers.transport.mayImport if the map is what is wrong",
    });
    expect(packageAnnotation?.properties).toEqual({
      file: "src/domain/user.ts",
      line: "1",
      col: "1",
      title: "domain-may-not-use-unlisted-packages",
    });
    expect(unassigned).toEqual({
      command: "error",
      properties: { file: "src/main.ts", line: "1", title: "no-unassigned-files" },
      message: "no layer claims src/main.ts\nfix: add a glob that matches it to a layer's paths, or add it to exclude",
    });
    expect(warning).toEqual({
      command: "warning",
      properties: { file: "src/http/users-route.ts", title: "unresolved-import" },
      message: 'src/http/users-route.ts imports "express", which cannot be resolved',
    });
  });

  it("escapes %, CR and LF in messages and also : and , in properties, so nothing ends a command early", async () => {
    const report = await fixtureReport("small-backend");
    const [first] = report.violations;
    const tricky = {
      ...report,
      warnings: [],
      violations: [
        { ...first!, from: "src/a,b:c%.ts", rule: "r:1,2", message: "100% off\r\nnext::line", fix: "x,y:z" },
      ],
    };
    const output = githubReporter(tricky, options);
    expect(output).toBe(
      "::error file=src/a%2Cb%3Ac%25.ts,line=2,col=1,title=r%3A1%2C2::100%25 off%0D%0Anext::line%0Aalso at 9:37%0Afix: x,y:z\n",
    );
    expect(readAnnotations(output)[0]).toEqual({
      command: "error",
      properties: { file: "src/a,b:c%.ts", line: "2", col: "1", title: "r:1,2" },
      message: "100% off\r\nnext::line\nalso at 9:37\nfix: x,y:z",
    });
  });

  it("warn-severity violations are ::warning, and --quiet leaves them and the tool's warnings out", async () => {
    const report = await fixtureReport("small-backend");
    const warned = {
      ...report,
      violations: report.violations.map((violation) => ({ ...violation, severity: "warn" as const })),
    };
    expect(readAnnotations(githubReporter(warned, options)).map((annotation) => annotation.command)).toEqual([
      "warning",
      "warning",
      "warning",
      "warning",
    ]);
    expect(githubReporter(warned, { color: false, quiet: true })).toBe("");
  });

  it("puts the path prefix before every file", async () => {
    const [layer] = readAnnotations(
      githubReporter(await fixtureReport("small-backend"), { ...options, pathPrefix: "services/api" }),
    );
    expect(layer?.properties.file).toBe("services/api/src/http/users-route.ts");
  });

  it("a clean run prints nothing", async () => {
    expect(githubReporter(await fixtureReport("clean-backend"), options)).toBe("");
  });

  it("a failure besides violations (a stale baseline) is an ::error without a file", async () => {
    const report = await staleBaselineReport();
    expect(githubReporter({ ...report, violations: [], warnings: [] }, options)).toBe(
      "::error title=stale-baseline::1 baseline entry no longer occurs: the baseline only shrinks, rewrite it with --update-baseline\n",
    );
  });
});
