import { afterEach, describe, expect, it } from "vitest";
import { copyFixtureInProcess, type TempFixture } from "../helpers/temp-fixture.js";

/** `options.warnings` in the map and `--warnings CODE=LEVEL` per run, through the CLI in process, on copies of baseline-legacy with one unresolved import. */

let project: TempFixture;
afterEach(() => project.remove());

const UNRESOLVED = `import { newOrder } from "./ordr.js";\n\nexport const total = newOrder;\n`;

function withUnresolvedImport(mapOptions = ""): TempFixture {
  const copy = copyFixtureInProcess("baseline-legacy");
  copy.write("src/domain/totals.ts", UNRESOLVED);
  if (mapOptions !== "")
    copy.write(
      "layers.yaml",
      copy.read("layers.yaml").replace("  unassigned: warn\n", `  unassigned: warn\n${mapOptions}`),
    );
  return copy;
}

const codes = (report: { warnings: { code: string }[] }) => report.warnings.map((warning) => warning.code);

describe("warning levels", () => {
  it("warn is the default: the warning is reported and the check passes", async () => {
    project = withUnresolvedImport();
    const { status, report } = await project.checkJson("src/domain");
    expect(status).toBe(0);
    expect(codes(report)).toEqual(["unresolved-import"]);
    expect(report.summary.failures).toBeUndefined();
  });

  it("options.warnings CODE: off drops the code's warnings, so --max-warnings 0 passes", async () => {
    project = withUnresolvedImport("  warnings:\n    unresolved-import: off\n");
    const { status, report } = await project.checkJson("src/domain", "--max-warnings", "0");
    expect(status).toBe(0);
    expect(report.warnings).toEqual([]);
  });

  it("options.warnings CODE: error keeps the warning and fails the check, saying where the level was set", async () => {
    project = withUnresolvedImport("  warnings:\n    unresolved-import: error\n");
    const { status, report } = await project.checkJson("src/domain");
    expect(status).toBe(1);
    expect(codes(report)).toEqual(["unresolved-import"]);
    expect(report.summary.failures).toEqual([
      {
        code: "warnings-as-errors",
        message: "1 unresolved-import warning fails the check (options.warnings.unresolved-import: error)",
      },
    ]);
    const text = await project.run("check", "src/domain");
    expect(text.stdout).toContain(
      "✖ 1 unresolved-import warning fails the check (options.warnings.unresolved-import: error)\n",
    );
  });

  it("--warnings CODE=LEVEL overrides the map, and the last occurrence of a code wins", async () => {
    project = withUnresolvedImport("  warnings:\n    unresolved-import: off\n");
    const raised = await project.checkJson("src/domain", "--warnings", "unresolved-import=error");
    expect(raised.status).toBe(1);
    expect(raised.report.summary.failures).toEqual([
      {
        code: "warnings-as-errors",
        message: "1 unresolved-import warning fails the check (--warnings unresolved-import=error)",
      },
    ]);
    const lowered = await project.checkJson(
      "src/domain",
      "--warnings",
      "unresolved-import=error",
      "--warnings",
      "unresolved-import=warn",
    );
    expect(lowered.status).toBe(0);
    expect(codes(lowered.report)).toEqual(["unresolved-import"]);
  });

  it("a level that is set for a code with no warning changes nothing", async () => {
    project = withUnresolvedImport();
    const { status, report } = await project.checkJson("src/domain", "--warnings", "parse-error=error");
    expect(status).toBe(0);
    expect(report.summary.failures).toBeUndefined();
  });

  it("a malformed --warnings is a usage error (exit 2) naming the codes, with a did-you-mean", async () => {
    project = withUnresolvedImport();
    const typo = await project.run("check", "--warnings", "unresolved-imports=off");
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain(
      `argument 'unresolved-imports=off' is invalid. unknown warning code "unresolved-imports"; did you mean "unresolved-import"?`,
    );
    expect(typo.stderr).toContain("codes: unresolved-import, parse-error, layer-matches-nothing,");
    const level = await project.run("check", "--warnings", "parse-error=loud");
    expect(level.status).toBe(2);
    expect(level.stderr).toContain(`the level of parse-error must be off, warn or error, got "loud".`);
    const shape = await project.run("check", "--warnings", "parse-error");
    expect(shape.status).toBe(2);
    expect(shape.stderr).toContain(`expected CODE=off|warn|error, got "parse-error".`);
  });

  it("an unknown code or level in options.warnings is a configuration error (exit 2) at its line", async () => {
    project = withUnresolvedImport("  warnings:\n    claimed-by-several-layers: off\n");
    const unknown = await project.run("check");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("layers.yaml:6:5");
    expect(unknown.stderr).toContain('unknown key "claimed-by-several-layers"');
    project.remove();
    project = withUnresolvedImport("  warnings:\n    parse-error: loud\n");
    const level = await project.run("check");
    expect(level.status).toBe(2);
    expect(level.stderr).toContain("layers.yaml:6:18");
    expect(level.stderr).toContain("parse-error must be off, warn or error");
  });
});
