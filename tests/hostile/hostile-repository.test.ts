import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUILT_BIN } from "../helpers/run-built-cli.js";
import {
  createProject,
  removeProject,
  STACK_FRAME,
  TWO_LAYERS_MAP,
  TWO_LAYERS_SOURCES,
  type ProjectFiles,
} from "./temporary-project.js";

/**
 * A repository built to hang, exhaust or leak: named pipes, links to /dev/zero, huge and deep files, links
 * and extends out of the repository. Each is run with the BUILT binary under a 512 MB heap and a timeout,
 * and must be answered within seconds with the documented exit code and message. `npm run build` first.
 */

const folders: string[] = [];
afterAll(() => folders.forEach(removeProject));

const TIMEOUT_MS = 60_000;
/** Many runs of the built binary per test, on a machine that may be busy. */
const TEST_TIMEOUT_MS = 600_000;
const FORMATS = ["text", "json", "sarif", "junit", "github", "markdown"] as const;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

/** The built CLI under a 512 MB heap; a run the timeout kills has status null. */
function run(args: readonly string[], cwd: string): Run {
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--max-old-space-size=512", BUILT_BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const stderr = result.stderr.replaceAll(cwd, "<root>");
  return { status: result.status, stdout: result.stdout, stderr, seconds: (performance.now() - started) / 1000 };
}

/** A two-layer project in `repo/` (a git repository) of a fresh temporary folder, with extra files. */
function repository(files: ProjectFiles = {}, map = TWO_LAYERS_MAP): string {
  const folder = createProject(
    Object.fromEntries(
      Object.entries({
        ...TWO_LAYERS_SOURCES,
        "layers.yaml": map,
        ".git/HEAD": "ref: refs/heads/main\n",
        ...files,
      }).map(([path, text]) => [`repo/${path}`, text]),
    ),
  );
  folders.push(folder);
  return join(folder, "repo");
}

function link(root: string, path: string, target: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  symlinkSync(target, join(root, path));
}

function fifo(root: string, path: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  const made = spawnSync("mkfifo", [join(root, path)]);
  expect(made.status).toBe(0);
}

/** A file outside every repository, shaped like /etc/passwd: its lines must never be printed. */
function foreignFile(): { path: string; lines: string[] } {
  const folder = realpathSync(mkdtempSync(join(tmpdir(), "layerlint-foreign-")));
  folders.push(folder);
  const lines = Array.from(
    { length: 30 },
    (_, index) => `svc${index}:x:${1000 + index}:${1000 + index}:SECRET-${index}-c0ffee:/home/svc${index}:/bin/sh`,
  );
  const path = join(folder, "passwd");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return { path, lines };
}

/** No line of the foreign file, and no piece of its secret field, appears anywhere in the run's output. */
function expectNoLeak(result: Run, lines: readonly string[]): void {
  const output = `${result.stdout}\n${result.stderr}`;
  expect(output).not.toContain("SECRET");
  expect(output).not.toContain("c0ffee");
  for (const line of lines) expect(output).not.toContain(line.slice(0, 12));
}

function expectAnswered(result: Run, status: number): void {
  expect(result.status, result.stderr).toBe(status);
  expect(result.seconds).toBeLessThan(TIMEOUT_MS / 1000);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stderr).not.toContain("LL-INTERNAL");
}

describe(
  "files that would hang or exhaust a run: refused by the regular-file rule, exit 2 naming the file",
  { timeout: TEST_TIMEOUT_MS },
  () => {
    it("the tsconfig a link to /dev/zero: refused as outside the repository; with --allow-outside, as a device", () => {
      const root = repository({ "zero.json": "" }, `${TWO_LAYERS_MAP}tsconfig: tsconfig.json\n`);
      link(root, "tsconfig.json", "/dev/zero");
      const refused = run(["check", "--no-cache"], root);
      expectAnswered(refused, 2);
      expect(refused.stderr).toContain(
        'layers.yaml:5:11 (tsconfig): tsconfig "tsconfig.json" resolves outside the repository (.)',
      );
      const allowed = run(["check", "--no-cache", "--allow-outside"], root);
      expectAnswered(allowed, 2);
      expect(allowed.stderr).toBe(
        "layerlint: the tsconfig has a problem [LL-TSCONFIG]\ntsconfig.json: not a regular file (a device): layerlint reads only regular files, so a tsconfig must be one\n",
      );
    });

    it("a tsconfig extends of a file inside the repository that links to /dev/zero", () => {
      const root = repository({ "tsconfig.json": '{ "extends": "./configs/base.json" }' });
      link(root, "configs/base.json", "/dev/zero");
      const result = run(["check", "--no-cache", "--allow-outside"], root);
      expectAnswered(result, 2);
      expect(result.stderr).toContain(
        "configs/base.json: not a regular file (a device): layerlint reads only regular files, so a tsconfig must be one",
      );
    });

    it("a named pipe as tsconfig.json: never opened for a blocking read", () => {
      const root = repository();
      fifo(root, "tsconfig.json");
      const result = run(["check", "--no-cache"], root);
      expectAnswered(result, 2);
      expect(result.stderr).toContain(
        "tsconfig.json: not a regular file (a named pipe): layerlint reads only regular files, so a tsconfig must be one",
      );
    });

    it("a named pipe, or a link to /dev/zero, as the root package.json", () => {
      for (const make of [
        (root: string) => fifo(root, "package.json"),
        (root: string) => link(root, "package.json", "/dev/zero"),
      ]) {
        const root = repository();
        make(root);
        for (const args of [["check"], ["check", "--no-cache"], ["graph"]]) {
          const result = run(args, root);
          expectAnswered(result, 2);
          expect(result.stderr).toMatch(
            /^layerlint: package\.json: not a regular file \(a (named pipe|device)\): layerlint reads only regular files, so a package manifest must be one \[LL-INPUT\]\n$/,
          );
        }
      }
    });

    it("an installed dependency's package.json linked to /dev/zero", () => {
      const root = repository({
        "src/a/a.ts": 'import dep from "dep";\nexport const a = dep;\n',
        "node_modules/dep/index.js": "module.exports = 1;\n",
      });
      link(root, "node_modules/dep/package.json", "/dev/zero");
      const result = run(["check", "--no-cache"], root);
      expectAnswered(result, 2);
      expect(result.stderr).toBe(
        "layerlint: node_modules/dep/package.json: not a regular file (a device): layerlint reads only regular files, so a package manifest must be one [LL-INPUT]\n",
      );
    });

    it("a named pipe as the baseline, exit 2; as a cache file, discarded with a warning and the run answers", () => {
      const root = repository();
      fifo(root, "baseline.json");
      const baseline = run(["check", "--baseline", "baseline.json"], root);
      expectAnswered(baseline, 2);
      expect(baseline.stderr).toContain("baseline.json: not a regular file (a named pipe)");

      const cached = repository();
      expectAnswered(run(["check"], cached), 0);
      const cacheFiles = spawnSync("find", [join(cached, "node_modules/.cache"), "-type", "f", "-name", "*.json"], {
        encoding: "utf8",
      })
        .stdout.split("\n")
        .filter((line) => line !== "");
      expect(cacheFiles.length).toBeGreaterThan(0);
      for (const file of cacheFiles) {
        spawnSync("rm", [file]);
        fifo(cached, relative(cached, file));
      }
      const rerun = run(["check"], cached);
      expectAnswered(rerun, 0);
    });

    it("a source file over the limit, a named pipe among the sources and one imported: warned, counted, never read", () => {
      const root = repository({
        "src/a/huge.ts": `export const big = "${"x".repeat(3 * 1024 * 1024)}";\n`,
        "src/b/b.ts": 'import { a } from "../a/a.js";\nimport "../a/pipe.js";\nexport const b = a;\n',
      });
      fifo(root, "src/a/pipe.ts");
      const result = run(["check", "--format", "json"], root);
      expectAnswered(result, 0);
      const report = JSON.parse(result.stdout) as {
        summary: { skipped: number };
        warnings: { code: string; file?: string }[];
      };
      expect(report.summary.skipped).toBe(2);
      expect(report.warnings.map(({ code, file }) => `${code} ${file ?? ""}`)).toEqual(
        expect.arrayContaining(["file-too-large src/a/huge.ts", "not-a-regular-file src/a/pipe.ts"]),
      );
    });

    it("sources 60 folders deep are checked like any", () => {
      const deep = `src/a/${Array.from({ length: 60 }, (_, index) => `d${index}`).join("/")}/deep.ts`;
      const root = repository({ [deep]: `import { b } from "${"../".repeat(61)}b/b.js";\nexport const d = b;\n` });
      const result = run(["check", "--format", "json"], root);
      expectAnswered(result, 1);
      expect((JSON.parse(result.stdout) as { summary: { modules: number } }).summary.modules).toBe(3);
    });
  },
);

describe(
  "nothing from outside the repository is read without --allow-outside, nor ever printed",
  { timeout: TEST_TIMEOUT_MS },
  () => {
    it("a tsconfig extends ../../../…/passwd: refused naming the file; allowed, counted and never quoted, in every format", () => {
      const foreign = foreignFile();
      const root = repository();
      const up = relative(root, foreign.path);
      writeFileSync(join(root, "tsconfig.json"), JSON.stringify({ extends: up }));
      const refused = run(["check", "--no-cache"], root);
      expectAnswered(refused, 2);
      expect(refused.stderr).toBe(
        `layerlint: the tsconfig has a problem [LL-TSCONFIG]\ntsconfig.json: its extends "${up}" resolves outside the repository (.): refused, layerlint reads configuration only from the repository or an installed package (node_modules); pass --allow-outside to read it anyway\n`,
      );
      expectNoLeak(refused, foreign.lines);
      for (const format of FORMATS) {
        const allowed = run(["check", "--no-cache", "--allow-outside", "--format", format], root);
        expectAnswered(allowed, 2);
        expect(allowed.stderr).toMatch(
          /not a valid tsconfig \(\d+ problems\); it lies outside the repository, so nothing of it is quoted\n$/,
        );
        expectNoLeak(allowed, foreign.lines);
      }
    });

    it("a map extends of an absolute path outside the repository: refused; allowed, one error quoting nothing", () => {
      const foreign = foreignFile();
      const root = repository({}, `version: 1\nextends: [${foreign.path}]\nlayers:\n  a: { paths: [src/a/**] }\n`);
      const refused = run(["check"], root);
      expectAnswered(refused, 2);
      expect(refused.stderr).toBe(
        `layerlint: the layer map has a problem [LL-CONFIG]\nlayers.yaml:2:11 (extends[0]): extends "${foreign.path}" resolves outside the repository (.): refused, layerlint reads configuration only from the repository or an installed package (node_modules); pass --allow-outside to read it anyway\n`,
      );
      for (const format of FORMATS) {
        const allowed = run(["check", "--allow-outside", "--format", format], root);
        expectAnswered(allowed, 2);
        expect(allowed.stderr.replaceAll(foreign.path, "<foreign>")).toBe(
          "layerlint: the layer map has a problem [LL-CONFIG]\n<foreign>: not a valid layer map (1 problem); it lies outside the repository, so nothing of it is quoted\n",
        );
        expectNoLeak(allowed, foreign.lines);
      }
    });

    it("a file inside the repository that is not a layer map is one error; unknown keys are quoted at most 40 characters", () => {
      const root = repository({ "notes.yaml": "token: abc\nregistry: https://example.com\n" });
      const notMap = run(["check", "--config", "notes.yaml"], root);
      expectAnswered(notMap, 2);
      expect(notMap.stderr).toBe(
        "layerlint: the layer map has a problem [LL-CONFIG]\nnotes.yaml:1:1: not a layer map: none of its keys is a layer map key ($schema, version, name, extends, include, exclude, tsconfig, options, contexts, exceptions, layers); is it the right file?\n",
      );
      const longKey = `k${"y".repeat(200)}`;
      const long = run(["check"], repository({}, `${TWO_LAYERS_MAP}${longKey}: 1\n`));
      expectAnswered(long, 2);
      expect(long.stderr).toContain(`(${longKey.slice(0, 40)}…): unknown key "${longKey.slice(0, 40)}…"`);
      expect(long.stderr).not.toContain(longKey.slice(0, 41));
    });

    it("an include entry that is a link to a folder outside the repository is refused", () => {
      const foreign = foreignFile();
      const root = repository({}, `${TWO_LAYERS_MAP}include: [src, vendor]\n`);
      link(root, "vendor", dirname(foreign.path));
      const result = run(["check"], root);
      expectAnswered(result, 2);
      expect(result.stderr).toContain(
        'layers.yaml:5:16 (include[1]): include path "vendor" (a symbolic link) resolves outside the repository (.)',
      );
      expectNoLeak(result, foreign.lines);
    });
  },
);

describe("globs nested or long enough to overflow the compiler's stack", { timeout: TEST_TIMEOUT_MS }, () => {
  it("5,000 braces deep, or 400: exit 2 at the glob's line and column, never a stack overflow", () => {
    for (const depth of [5000, 400]) {
      const glob = `src/${"{".repeat(depth)}a${"}".repeat(depth)}/**`;
      const result = run(["check"], repository({}, `version: 1\nlayers:\n  a:\n    paths: ["${glob}"]\n`));
      expectAnswered(result, 2);
      expect(result.stderr).toMatch(
        depth === 5000
          ? /^layerlint: the layer map has a problem \[LL-CONFIG\]\nlayers\.yaml:4:13 \(layers\.a\.paths\[0\]\): invalid glob "src\/\{{36}…": it is 10008 characters long, over the limit of 1024\n$/
          : /^layerlint: the layer map has a problem \[LL-CONFIG\]\nlayers\.yaml:4:13 \(layers\.a\.paths\[0\]\): invalid glob "src\/\{{36}…": its braces nest more than 10 deep: write the alternatives out\n$/,
      );
    }
  });
});

describe(
  "a reader that goes away (EPIPE): the run ends quietly with its own exit code",
  { timeout: TEST_TIMEOUT_MS },
  () => {
    /** Runs the built CLI with its stdout closed before it writes: every write meets a closed pipe. */
    async function withClosedStdout(
      args: readonly string[],
      cwd: string,
    ): Promise<{ status: number | null; stderr: string }> {
      const child = spawn(process.execPath, [BUILT_BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" } });
      child.stdout.destroy();
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
      const status = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
      return { status, stderr };
    }

    it("check (clean and with violations), graph, compile and explain", async () => {
      const clean = repository();
      const violating = repository({ "src/a/a.ts": 'import { b } from "../b/b.js";\nexport const a = b;\n' });
      const cases: [readonly string[], string, number][] = [
        [["check"], clean, 0],
        [["check", "--format", "json"], violating, 1],
        [["graph"], clean, 0],
        [["graph", "--format", "dot"], clean, 0],
        [["compile"], clean, 0],
        [["explain", "src/b/b.ts"], clean, 0],
        [["--help"], clean, 0],
      ];
      for (const [args, cwd, status] of cases) {
        const result = await withClosedStdout(args, cwd);
        expect({ args, ...result }).toEqual({ args, status, stderr: "" });
      }
    });

    it("through a shell: check | head -c 1 prints one byte and nothing on stderr", () => {
      const root = repository({ "src/a/a.ts": 'import { b } from "../b/b.js";\nexport const a = b;\n' });
      const result = spawnSync(
        "bash",
        ["-c", `"${process.execPath}" "${BUILT_BIN}" graph --format dot | head -c 1; echo " \${PIPESTATUS[0]}"`],
        { cwd: root, encoding: "utf8" },
      );
      expect(result.stderr).toBe("");
      expect(result.stdout).toMatch(/^. 0\n$/);
    });
  },
);
