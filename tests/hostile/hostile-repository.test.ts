import { writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/run-in-process.js";
import {
  expectAnswered,
  expectNoLeak,
  FORMATS,
  foreignFile,
  link,
  removeRepositories,
  repository,
  type Run,
} from "./hostile-repository-kit.js";
import { TWO_LAYERS_MAP } from "./temporary-project.js";

/**
 * A repository built to leak or overflow: links and extends out of the repository, deep folders, globs nested
 * past any stack. Each must be answered with the documented exit code and message, quoting nothing from outside.
 * What would hang or exhaust a process (pipes, devices, huge files) is run on the built binary in
 * hang-and-exhaust.test.ts; a closed stdout in closed-stdout.test.ts.
 */

afterAll(removeRepositories);

const TEST_TIMEOUT_MS = 120_000;

/** The CLI in this process; stderr with the repository's path as <root>. */
async function run(args: readonly string[], cwd: string): Promise<Run> {
  const started = performance.now();
  const result = await runInProcess(args, cwd);
  const stderr = result.stderr.replaceAll(cwd, "<root>");
  return { status: result.status, stdout: result.stdout, stderr, seconds: (performance.now() - started) / 1000 };
}

describe("deep folders", { timeout: TEST_TIMEOUT_MS }, () => {
  it("sources 60 folders deep are checked like any", async () => {
    const deep = `src/a/${Array.from({ length: 60 }, (_, index) => `d${index}`).join("/")}/deep.ts`;
    const root = repository({ [deep]: `import { b } from "${"../".repeat(61)}b/b.js";\nexport const d = b;\n` });
    const result = await run(["check", "--format", "json"], root);
    expectAnswered(result, 1);
    expect((JSON.parse(result.stdout) as { summary: { modules: number } }).summary.modules).toBe(3);
  });
});

describe(
  "nothing from outside the repository is read without --allow-outside, nor ever printed",
  { timeout: TEST_TIMEOUT_MS },
  () => {
    it("a tsconfig extends ../../../…/passwd: refused naming the file; allowed, counted and never quoted, in every format", async () => {
      const foreign = foreignFile();
      const root = repository();
      const up = relative(root, foreign.path);
      writeFileSync(join(root, "tsconfig.json"), JSON.stringify({ extends: up }));
      const refused = await run(["check", "--no-cache"], root);
      expectAnswered(refused, 2);
      expect(refused.stderr).toBe(
        `layerlint: the tsconfig has a problem [LL-TSCONFIG]\ntsconfig.json: its extends "${up}" resolves outside the repository (.): refused, layerlint reads configuration only from the repository or an installed package (node_modules); pass --allow-outside to read it anyway\n`,
      );
      expectNoLeak(refused, foreign.lines);
      for (const format of FORMATS) {
        const allowed = await run(["check", "--no-cache", "--allow-outside", "--format", format], root);
        expectAnswered(allowed, 2);
        expect(allowed.stderr).toMatch(
          /not a valid tsconfig \(\d+ problems\); it lies outside the repository, so nothing of it is quoted\n$/,
        );
        expectNoLeak(allowed, foreign.lines);
      }
    });

    it("a map extends of an absolute path outside the repository: refused; allowed, one error quoting nothing", async () => {
      const foreign = foreignFile();
      const root = repository({}, `version: 1\nextends: [${foreign.path}]\nlayers:\n  a: { paths: [src/a/**] }\n`);
      const refused = await run(["check"], root);
      expectAnswered(refused, 2);
      expect(refused.stderr).toBe(
        `layerlint: the layer map has a problem [LL-CONFIG]\nlayers.yaml:2:11 (extends[0]): extends "${foreign.path}" resolves outside the repository (.): refused, layerlint reads configuration only from the repository or an installed package (node_modules); pass --allow-outside to read it anyway\n`,
      );
      for (const format of FORMATS) {
        const allowed = await run(["check", "--allow-outside", "--format", format], root);
        expectAnswered(allowed, 2);
        expect(allowed.stderr.replaceAll(foreign.path, "<foreign>")).toBe(
          "layerlint: the layer map has a problem [LL-CONFIG]\n<foreign>: not a valid layer map (1 problem); it lies outside the repository, so nothing of it is quoted\n",
        );
        expectNoLeak(allowed, foreign.lines);
      }
    });

    it("a file inside the repository that is not a layer map is one error; unknown keys are quoted at most 40 characters", async () => {
      const root = repository({ "notes.yaml": "token: abc\nregistry: https://example.com\n" });
      const notMap = await run(["check", "--config", "notes.yaml"], root);
      expectAnswered(notMap, 2);
      expect(notMap.stderr).toBe(
        "layerlint: the layer map has a problem [LL-CONFIG]\nnotes.yaml:1:1: not a layer map: none of its keys is a layer map key ($schema, version, name, extends, include, exclude, tsconfig, options, contexts, exceptions, layers); is it the right file?\n",
      );
      const longKey = `k${"y".repeat(200)}`;
      const long = await run(["check"], repository({}, `${TWO_LAYERS_MAP}${longKey}: 1\n`));
      expectAnswered(long, 2);
      expect(long.stderr).toContain(`(${longKey.slice(0, 40)}…): unknown key "${longKey.slice(0, 40)}…"`);
      expect(long.stderr).not.toContain(longKey.slice(0, 41));
    });

    it("an include entry that is a link to a folder outside the repository is refused", async () => {
      const foreign = foreignFile();
      const root = repository({}, `${TWO_LAYERS_MAP}include: [src, vendor]\n`);
      link(root, "vendor", dirname(foreign.path));
      const result = await run(["check"], root);
      expectAnswered(result, 2);
      expect(result.stderr).toContain(
        'layers.yaml:5:16 (include[1]): include path "vendor" (a symbolic link) resolves outside the repository (.)',
      );
      expectNoLeak(result, foreign.lines);
    });
  },
);

describe("globs nested or long enough to overflow the compiler's stack", { timeout: TEST_TIMEOUT_MS }, () => {
  it("5,000 braces deep, or 400: exit 2 at the glob's line and column, never a stack overflow", async () => {
    for (const depth of [5000, 400]) {
      const glob = `src/${"{".repeat(depth)}a${"}".repeat(depth)}/**`;
      const result = await run(["check"], repository({}, `version: 1\nlayers:\n  a:\n    paths: ["${glob}"]\n`));
      expectAnswered(result, 2);
      expect(result.stderr).toMatch(
        depth === 5000
          ? /^layerlint: the layer map has a problem \[LL-CONFIG\]\nlayers\.yaml:4:13 \(layers\.a\.paths\[0\]\): invalid glob "src\/\{{36}…": it is 10008 characters long, over the limit of 1024\n$/
          : /^layerlint: the layer map has a problem \[LL-CONFIG\]\nlayers\.yaml:4:13 \(layers\.a\.paths\[0\]\): invalid glob "src\/\{{36}…": its braces nest more than 10 deep: write the alternatives out\n$/,
      );
    }
  });
});
