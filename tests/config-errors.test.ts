import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixturePath, REPO_ROOT, type CliRun } from "./helpers/run-built-cli.js";
import { runInProcess } from "./helpers/run-in-process.js";

/**
 * Configuration and usage errors, end to end through the CLI (in this process, real adapters):
 * exit 2, nothing on stdout, `file:line:column (key.path): message` on stderr, never a stack trace.
 */

const fixture = (name: string): string => fixturePath(`config-errors/${name}`);
const check = (name: string, ...args: string[]): Promise<CliRun> => runInProcess(["check", ...args], fixture(name));

/** A stack frame as Node prints it ("    at fn (file:1:2)"). */
const STACK_FRAME = /^\s+at\s/m;

interface Problem {
  /** The file as printed; several spellings may be accepted (absolute or relative to the cwd). Default `layers.yaml`. */
  readonly file?: string | readonly string[];
  /** `line:column`, 1-based. */
  readonly at: string;
  /** The key path printed in parentheses; omitted = not checked (YAML syntax errors have none). */
  readonly key?: string;
  readonly message: string | RegExp;
}

interface FailureOptions {
  /** Check the header's problem count ("has a problem" / "has N problems"): no extra and no missing problem. */
  readonly exactCount?: boolean;
}

/** Exit 2, empty stdout, no stack trace, and one stderr line per problem, starting with its exact position. */
function expectConfigFailure(
  run: CliRun,
  problems: readonly Problem[],
  { exactCount = true }: FailureOptions = {},
): void {
  expect(run.status, `stderr:\n${run.stderr}`).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).not.toMatch(STACK_FRAME);
  const lines = run.stderr.split(/\r?\n/);
  for (const problem of problems) {
    const files = [problem.file ?? "layers.yaml"].flat();
    const prefixes = files.map(
      (file) => `${file}:${problem.at}${problem.key === undefined ? "" : ` (${problem.key}): `}`,
    );
    const line = lines.find((candidate) => prefixes.some((prefix) => candidate.startsWith(prefix)));
    expect(
      line,
      `no stderr line starts with ${prefixes.map((prefix) => JSON.stringify(prefix)).join(" or ")}; stderr:\n${run.stderr}`,
    ).toBeDefined();
    if (typeof problem.message === "string") expect(line).toContain(problem.message);
    else expect(line).toMatch(problem.message);
  }
  if (exactCount) {
    expect(run.stderr).toContain(
      problems.length === 1 ? "the layer map has a problem" : `the layer map has ${problems.length} problems`,
    );
  }
}

describe("configuration errors in layers.yaml: exit 2, file:line:column (key): message, no stack", () => {
  it("YAML syntax: an unquoted ': ' inside a value, at the offending character", async () => {
    expectConfigFailure(await check("yaml-syntax"), [
      { at: "5:18", message: "YAML: Nested mappings are not allowed in compact mappings" },
    ]);
  });

  it("wrong type: paths written as a string instead of a list", async () => {
    expectConfigFailure(await check("wrong-type"), [
      {
        at: "4:12",
        key: "layers.app.paths",
        message: /expected a list \(`\[src, lib\]`, or one "- item" per line\), got a string/,
      },
    ]);
  });

  it("unknown key: points at the key and suggests the closest allowed one", async () => {
    expectConfigFailure(await check("unknown-key"), [
      { at: "7:5", key: "layers.app.mayimport", message: 'unknown key "mayimport"; did you mean "mayImport"?' },
    ]);
  });

  it("missing version", async () => {
    expectConfigFailure(await check("missing-version"), [{ at: "1:1", key: "version", message: "version must be 1" }]);
  });

  it("unsupported version: 2", async () => {
    expectConfigFailure(await check("unsupported-version"), [
      { at: "1:10", key: "version", message: "version must be 1" },
    ]);
  });

  it("duplicate layer (duplicate YAML key): reported at the second definition", async () => {
    expectConfigFailure(await check("duplicate-layer"), [
      { at: "5:3", message: '"app" is defined twice in the same mapping' },
    ]);
  });

  it("duplicate layer: the line carries the key path and names the layer, and the rest of the map is still checked", async () => {
    expectConfigFailure(await check("duplicate-layer"), [
      { at: "5:3", key: "layers.app", message: '"app" is defined twice in the same mapping' },
    ]);
  });

  it("layer name that does not start with a letter: points at the name", async () => {
    expectConfigFailure(await check("invalid-layer-name"), [
      { at: "3:3", key: "layers.2fa", message: 'layer name "2fa" is not allowed' },
    ]);
  });

  it("public: a glob written relative to the layer lies outside it; a malformed glob", async () => {
    expectConfigFailure(await check("public-outside-layer"), [
      {
        at: "8:14",
        key: "layers.payments.public[0]",
        message:
          'public glob "index.ts" lies outside layer "payments" (paths: src/payments/**): write it relative to the map\'s folder, like paths',
      },
      {
        at: "8:24",
        key: "layers.payments.public[1]",
        message: `invalid glob "src/payments/**.ts": '**' must be a whole path segment`,
      },
    ]);
  });

  it("mayImport object form: a severity other than warn, an unknown key with the closest one suggested", async () => {
    expectConfigFailure(await check("bad-warn-allowance"), [
      {
        at: "6:38",
        key: "layers.http.mayImport[0].severity",
        message: "severity must be warn (write the plain layer name to allow it)",
      },
      {
        at: "7:44",
        key: "layers.http.mayImport[1].reasn",
        message: 'unknown key "reasn"; did you mean "reason"? (allowed: layer, severity, reason)',
      },
    ]);
  });

  it("mayImport object form: an unknown layer, the layer itself, a layer also allowed", async () => {
    expectConfigFailure(await check("warn-allowance-references"), [
      {
        at: "6:18",
        key: "layers.http.mayImport[0].layer",
        message: 'unknown layer "paymnets" in mayImport of "http"; did you mean "payments"?',
      },
      {
        at: "7:18",
        key: "layers.http.mayImport[1].layer",
        message: '"http" tolerates itself at severity warn: a layer may always import itself, remove this entry',
      },
      {
        at: "10:36",
        key: "layers.jobs.mayImport[1].layer",
        message: '"payments" is both allowed and tolerated at severity warn in mayImport of "jobs": keep one',
      },
    ]);
  });

  it("mayImport naming an unknown layer: at the entry, suggesting the closest layer", async () => {
    expectConfigFailure(await check("unknown-mayimport-layer"), [
      {
        at: "7:17",
        key: "layers.app.mayImport[0]",
        message: 'unknown layer "domian" in mayImport of "app"; did you mean "domain"?',
      },
    ]);
  });

  it("removing (null) a layer no preset defines: unknown layer, suggesting the closest", async () => {
    expectConfigFailure(await check("unknown-layer-removed"), [
      {
        at: "4:3",
        key: "layers.infrastucture",
        message: /unknown layer "infrastucture".*did you mean "infrastructure"/,
      },
    ]);
  });

  it("empty paths", async () => {
    expectConfigFailure(await check("empty-paths"), [
      { at: "6:12", key: "layers.app.paths", message: 'layer "app" has no paths' },
    ]);
  });

  describe("invalid globs, each at the offending list entry", () => {
    it("a '..' segment", async () => {
      expectConfigFailure(await check("glob-dotdot"), [
        {
          at: "4:21",
          key: "layers.app.paths[1]",
          message: `invalid glob "../shared/**": '..' would reach outside the map's folder`,
        },
      ]);
    });

    it("'!' first in its list, '!!', an invalid glob after '!', and '!' in include", async () => {
      expectConfigFailure(await check("glob-negation"), [
        {
          at: "2:16",
          key: "include[1]",
          message: `invalid glob "!src/generated": a '!' glob belongs in a list (paths, public, contexts.shared, exclude), after the globs it removes files from`,
        },
        {
          at: "3:11",
          key: "exclude[0]",
          message: `invalid glob "!src/**/*.test.ts": a '!' glob removes files that the globs before it matched, and no glob comes before it`,
        },
        { at: "6:21", key: "layers.app.paths[1]", message: `invalid glob "!!src/legacy/**": write one '!' at most` },
        {
          at: "6:40",
          key: "layers.app.paths[2]",
          message: `invalid glob "!src/a**/b": '**' must be a whole path segment`,
        },
        {
          at: "7:28",
          key: "layers.app.public[1]",
          message: `invalid glob "!src/../x": '..' would reach outside the map's folder`,
        },
        {
          at: "10:12",
          key: "contexts.shared[0]",
          message: `invalid glob "!src/shared/**": a '!' glob removes files that the globs before it matched, and no glob comes before it`,
        },
      ]);
    });

    it("an absolute path (in exclude)", async () => {
      expectConfigFailure(await check("glob-absolute"), [
        { at: "3:5", key: "exclude[0]", message: 'invalid glob "/src/generated/**": it is absolute' },
      ]);
    });

    it("'**' that is not a whole segment", async () => {
      expectConfigFailure(await check("glob-doublestar"), [
        {
          at: "4:13",
          key: "layers.app.paths[0]",
          message: `invalid glob "src/**.ts": '**' must be a whole path segment`,
        },
      ]);
    });

    it("an unbalanced '{'", async () => {
      expectConfigFailure(await check("glob-unbalanced-brace"), [
        { at: "5:9", key: "layers.app.paths[0]", message: "'{' without a matching '}'" },
      ]);
    });

    it("an unbalanced '{': the message quotes the glob as written", async () => {
      expectConfigFailure(await check("glob-unbalanced-brace"), [
        { at: "5:9", key: "layers.app.paths[0]", message: 'invalid glob "src/{app,lib/**"' },
      ]);
    });
  });

  it("unknown presets in extends: every entry listed (a misspelt built-in, a missing relative file)", async () => {
    expectConfigFailure(await check("unknown-preset"), [
      { at: "3:5", key: "extends[0]", message: 'unknown preset "backend-standrd"' },
      { at: "4:5", key: "extends[1]", message: '"./shared/base.yaml"' },
    ]);
  });

  it("a preset file that extends itself: reported in the preset, at its extends", async () => {
    expectConfigFailure(await check("preset-extends-itself"), [
      { file: "base.yaml", at: "2:10", key: "extends", message: '"./base.yaml" extends itself' },
    ]);
  });

  it("a named tsconfig that does not exist", async () => {
    expectConfigFailure(await check("missing-tsconfig"), [
      { at: "2:11", key: "tsconfig", message: 'tsconfig "tsconfig.app.json" does not exist' },
    ]);
  });

  it("an include path that does not exist", async () => {
    expectConfigFailure(await check("missing-include"), [
      { at: "2:16", key: "include[1]", message: 'include path "lib" does not exist' },
    ]);
  });

  it("a malformed tsconfig.json: exit 2 naming the file, the position and the TypeScript diagnostic", async () => {
    const run = await check("malformed-tsconfig");
    expect(run.status, run.stderr).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.stderr).toMatch(/^tsconfig\.json\b/m);
    expect(run.stderr).toMatch(/3[,:]20/);
    expect(run.stderr).toContain("Property assignment expected");
  });

  it("a malformed tsconfig.json: reported as tsconfig.json:line:column", async () => {
    expectConfigFailure(
      await check("malformed-tsconfig"),
      [{ file: "tsconfig.json", at: "3:20", message: "Property assignment expected" }],
      { exactCount: false },
    );
  });
});

describe("contexts: the placeholder <context> and contexts.allow, each problem at its entry", () => {
  it("<context> in a layer's paths needs contexts; anywhere but contexts.pattern and layers' paths it is refused", async () => {
    expectConfigFailure(await check("contexts-placeholder-without-contexts"), [
      {
        at: "5:13",
        key: "layers.domain.paths[0]",
        message:
          "<context> in a layer's paths needs contexts: declare contexts.pattern (e.g. src/modules/<context>/**), or write the folder out",
      },
      { at: "2:11", key: "exclude[0]", message: "<context> is allowed only in contexts.pattern and in layers' paths" },
    ]);
  });

  it("contexts.pattern without the placeholder", async () => {
    expectConfigFailure(await check("contexts-pattern-without-placeholder"), [
      {
        at: "3:12",
        key: "contexts.pattern",
        message:
          'contexts.pattern must contain the placeholder <context> exactly once, as a whole path segment (e.g. src/modules/<context>/**); "src/modules/*/**" does not contain it',
      },
    ]);
  });

  it("contexts.pattern with the placeholder twice", async () => {
    expectConfigFailure(await check("contexts-pattern-two-placeholders"), [
      { at: "3:12", key: "contexts.pattern", message: '"src/<context>/modules/<context>/**" contains it 2 times' },
    ]);
  });

  it("the placeholder not a whole path segment, in the pattern and in a layer's paths; an unknown placeholder", async () => {
    expectConfigFailure(await check("contexts-placeholder-not-segment"), [
      {
        at: "3:12",
        key: "contexts.pattern",
        message: `invalid glob "src/modules/ctx-<context>/**": '<context>' must be a whole path segment`,
      },
      {
        at: "6:13",
        key: "layers.domain.paths[0]",
        message: `invalid glob "src/modules/<context>.ts": '<context>' must be a whole path segment`,
      },
      {
        at: "6:41",
        key: "layers.domain.paths[1]",
        message:
          'invalid glob "src/<module>/domain/**": unknown placeholder <module>: the only placeholder is <context>',
      },
    ]);
  });

  it("contexts.allow naming an unknown layer, a context that is no folder name, and a context allowed to import itself", async () => {
    expectConfigFailure(await check("contexts-allow-unknown-layer"), [
      {
        at: "6:47",
        key: "contexts.allow[0].layers[0]",
        message: 'unknown layer "contract" in contexts.allow; did you mean "contracts"? (layers: contracts, domain)',
      },
      {
        at: "7:15",
        key: "contexts.allow[1].from",
        message:
          '"billing/*" is not a context name: write the context\'s folder name, one path segment without wildcards',
      },
      {
        at: "8:27",
        key: "contexts.allow[2].to",
        message: "a context may always import itself: remove this allow entry from orders to orders",
      },
    ]);
  });
});

describe("every problem listed at once", () => {
  it("two different problems in one file: both listed", async () => {
    expectConfigFailure(await check("two-problems"), [
      { at: "2:1", key: "exlude", message: 'unknown key "exlude"; did you mean "exclude"?' },
      { at: "4:15", key: "options.unassigned", message: /"error"\|"warn"\|"off"/ },
    ]);
  });

  it("a problem of every phase (YAML, schema, globs, references, contexts, paths on disk): all six listed in one run", async () => {
    expectConfigFailure(await check("every-phase"), [
      { at: "13:3", key: "layers.infra", message: '"infra" is defined twice in the same mapping' },
      { at: "7:5", key: "layers.domain.pahts", message: 'unknown key "pahts"; did you mean "paths"?' },
      { at: "9:13", key: "layers.app.paths[0]", message: `invalid glob "src/{app": '{' without a matching '}'` },
      { at: "10:17", key: "layers.app.mayImport[0]", message: 'unknown layer "domian" in mayImport of "app"' },
      { at: "4:12", key: "contexts.pattern", message: "contexts.pattern must contain the placeholder <context>" },
      { at: "2:16", key: "include[1]", message: 'include path "lib" does not exist' },
    ]);
  });

  it("an unknown key, an invalid glob and a missing include path: all three listed in one run", async () => {
    expectConfigFailure(await check("problems-across-phases"), [
      { at: "5:5", key: "layers.domain.pahts", message: 'unknown key "pahts"' },
      { at: "7:13", key: "layers.app.paths[0]", message: 'invalid glob "../shared/**"' },
      { at: "2:16", key: "include[1]", message: 'include path "lib" does not exist' },
    ]);
  });
});

describe("valid maps that must not be configuration errors", () => {
  it("a map with a UTF-8 BOM and CRLF line endings is read and applied", async () => {
    const bytes = readFileSync(join(fixture("bom-crlf-valid"), "layers.yaml"));
    expect([...bytes.subarray(0, 3)], "the fixture must start with a BOM").toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text, "the fixture must use CRLF only").toMatch(/^\uFEFFversion: 1\r\nlayers:\r\n/);
    expect(text).not.toMatch(/[^\r]\n/);

    const run = await check("bom-crlf-valid", "--format", "json");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { violations: { fromLayer: string; toLayer: string; from: string }[] };
    expect(report.violations.map(({ fromLayer, toLayer, from }) => `${from}: ${fromLayer} -> ${toLayer}`)).toEqual([
      "src/domain/user.ts: domain -> infra",
    ]);
  });
});

describe("finding the map", () => {
  const temporary: string[] = [];
  const makeTemporary = (): string => {
    const folder = realpathSync(mkdtempSync(join(tmpdir(), "layerlint-no-map-")));
    temporary.push(folder);
    return folder;
  };
  afterAll(() => {
    for (const folder of temporary) rmSync(folder, { recursive: true, force: true });
  });

  it("layers.yml is found when there is no layers.yaml", async () => {
    expect(existsSync(join(fixture("yml-discovery"), "layers.yaml"))).toBe(false);
    const run = await check("yml-discovery", "--format", "json");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { violations: { fromLayer: string; toLayer: string; from: string }[] };
    expect(report.violations.map(({ fromLayer, toLayer, from }) => `${from}: ${fromLayer} -> ${toLayer}`)).toEqual([
      "src/domain/total.ts: domain -> app",
    ]);
  });

  it("from a subfolder (src/sub), the map two folders up is found and its problem reported with its path", async () => {
    const root = fixture("subfolder-discovery");
    const run = await runInProcess(["check"], join(root, "src", "sub"));
    expectConfigFailure(run, [
      {
        file: [join(root, "layers.yaml"), "../../layers.yaml"],
        at: "5:17",
        key: "layers.app.mayImport[0]",
        message: 'unknown layer "shraed" in mayImport of "app"; did you mean "shared"?',
      },
    ]);
  });

  it("no map up to the repository root (a folder holding .git): exit 2, the search does not go past .git", async () => {
    const outer = makeTemporary();
    // A valid map above the repository root: found only if the search wrongly walks past .git.
    writeFileSync(join(outer, "layers.yaml"), "version: 1\nlayers:\n  app:\n    paths: [repo/src/**]\n");
    const repo = join(outer, "repo");
    mkdirSync(join(repo, ".git"), { recursive: true });
    mkdirSync(join(repo, "src", "sub"), { recursive: true });
    writeFileSync(join(repo, "src", "sub", "feature.ts"), "export const feature = 1;\n");
    const cwd = join(repo, "src", "sub");

    const run = await runInProcess(["check"], cwd);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.stderr.split("\n")).toContainEqual(
      expect.stringMatching(new RegExp(`^${escapeRegExp(cwd)}: no layers\\.yaml found`)),
    );
    expect(run.stderr).toContain("--config");
  });

  it("the same tree without .git: the search goes on up and finds the outer map (so the test above proves the stop)", async () => {
    const outer = makeTemporary();
    writeFileSync(join(outer, "layers.yaml"), "version: 1\nlayers:\n  app:\n    paths: [repo/src/**]\n");
    mkdirSync(join(outer, "repo", "src", "sub"), { recursive: true });
    writeFileSync(join(outer, "repo", "src", "sub", "feature.ts"), "export const feature = 1;\n");

    const run = await runInProcess(["check"], join(outer, "repo", "src", "sub"));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("--config naming a file that does not exist", async () => {
    const run = await check("valid-map", "--config", "missing.yaml");
    expect(run.status, run.stderr).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.stderr.split("\n")).toContain("missing.yaml: no such layer map file");
  });

  it("--config naming a folder", async () => {
    const run = await check("valid-map", "--config", "src");
    expect(run.status, run.stderr).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")).toContain("src: no such layer map file");
  });

  it("--config is used instead of the layers.yaml in the current folder", async () => {
    const run = await check("valid-map", "--config", "../missing-version/layers.yaml");
    expectConfigFailure(run, [
      {
        file: [join(fixture("missing-version"), "layers.yaml"), "../missing-version/layers.yaml"],
        at: "1:1",
        key: "version",
        message: "version must be 1",
      },
    ]);
  });
});

describe("usage errors: exit 2, nothing on stdout, no stack", () => {
  it("baseline: the valid-map fixture passes, so the exits below come from the usage alone", async () => {
    const run = await check("valid-map");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  const expectUsageError = (run: CliRun, fragment: string): void => {
    expect(run.status, run.stderr).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.stderr).toContain(fragment);
  };

  it("an unknown option", async () => {
    expectUsageError(await check("valid-map", "--bogus"), "unknown option '--bogus'");
  });

  it("an unknown --format value", async () => {
    expectUsageError(await check("valid-map", "--format", "xml"), "argument 'xml' is invalid");
  });

  it("a PATHS argument that does not exist", async () => {
    expectUsageError(await check("valid-map", "src/nope.ts"), "src/nope.ts does not exist");
  });
});

describe("help and version", () => {
  it("--help: exit 0, lists check and compile on stdout", async () => {
    const run = await runInProcess(["--help"], REPO_ROOT);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^Usage: layerlint/m);
    expect(run.stdout).toMatch(/^\s+check\b/m);
    expect(run.stdout).toMatch(/^\s+compile\b/m);
  });

  it("--version and -v: exit 0, print package.json's version", async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-v"]) {
      const run = await runInProcess([flag], REPO_ROOT);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(`${version}\n`);
      expect(run.stderr).toBe("");
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
