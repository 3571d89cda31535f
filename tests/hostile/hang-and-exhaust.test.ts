import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUILT_BIN } from "../helpers/run-built-cli.js";
import {
  expectAnswered,
  link,
  removeRepositories,
  repository,
  TIMEOUT_MS,
  type Run,
} from "./hostile-repository-kit.js";
import { TWO_LAYERS_MAP } from "./temporary-project.js";

/**
 * Files that would hang or exhaust a run: named pipes, links to /dev/zero, a huge source. Each is run with the
 * BUILT binary under a 512 MB heap and a timeout (a blocking read would hang a test run in process for good),
 * and must be answered within seconds with the documented exit code and message. `npm run build` first.
 */

afterAll(removeRepositories);

/** Many runs of the built binary per test, on a machine that may be busy. */
const TEST_TIMEOUT_MS = 600_000;

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

function fifo(root: string, path: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  const made = spawnSync("mkfifo", [join(root, path)]);
  expect(made.status).toBe(0);
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
  },
);
