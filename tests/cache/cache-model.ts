import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { STAT_TRUST_AFTER_MS } from "../../src/adapters/cache/content-hashes.js";
import { inThreadSyntaxChecker } from "../../src/adapters/typescript/in-thread-syntax-checker.js";
import type { CliEnvironment } from "../../src/cli/cli-environment.js";
import { runCli } from "../../src/cli/run-cli.js";

/**
 * A small project in a temporary folder, `project/`, beside a folder outside the map's folder,
 * `outside/`, for the cache's model-based tests: events change files, and `compare` runs one check
 * through the cache and one cold, in this process.
 */
export interface CacheProject {
  /** The parent folder: `project/` (the map's folder) and `outside/`. */
  readonly dir: string;
  readonly root: string;
  write(path: string, text: string): void;
  remove(path: string): void;
  rename(from: string, to: string): void;
  /** A symbolic link at `path` (relative to the parent folder) holding `target` as written. */
  link(path: string, target: string): void;
  /** A check through the cache (filling it) and one without, as `check --format json` prints them (plus `extra` arguments). */
  compare(...extra: string[]): Promise<{ cached: CheckRun; cold: CheckRun }>;
  dispose(): void;
}

export interface CheckRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const LAYERS_YAML = `version: 1
tsconfig: tsconfig.json
layers:
  http:
    paths: ["src/http/**"]
    mayImport: [domain]
  domain:
    paths: ["src/domain/**"]
  db:
    paths: ["src/db/**"]
    mayImport: [domain]
`;

export const BASE_TSCONFIG = (aliasTarget: string) => `{
  // The base every package extends.
  "compilerOptions": {
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "strict": true,
    "baseUrl": "..",
    "paths": { "@lib/*": [${JSON.stringify(aliasTarget)}] },
  },
}
`;

export const TSCONFIG = (extendsPath: string | readonly string[]) => `{
  // "extends": "./configs/old.json",
  "extends": ${JSON.stringify(extendsPath)},
  "compilerOptions": { "noEmit": true }
}
`;

export const PACKAGE_JSON = (clockTarget: string) =>
  `${JSON.stringify({ name: "model", private: true, type: "module", imports: { "#clock": clockTarget } }, null, 2)}\n`;

/** The project every sequence starts from: three layers, one import each way, nothing outside yet. */
export function createCacheProject(): CacheProject {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "layerlint-cache-model-")));
  writeStartProject(dir);
  return projectIn(dir, (run) => run());
}

/**
 * One folder every sequence of the model test starts afresh in, for 1,000 sequences to be affordable. The
 * start (files and the cache its first check fills) is made once and copied back, which is what checking it
 * again would leave: the cache is keyed by content and absolute paths, and a copy's stats (new inodes, new change
 * times) never match the ones the template recorded, so it hashes every file again. The cold check is the
 * oracle and a function of the folder's tree alone, so each tree's cold answer is computed once: the check
 * through the cache, the one under test, runs after every event.
 */
export interface CacheProjectPool {
  next(): Promise<CacheProject>;
  /** Cold checks run, and answered from an identical tree seen before. */
  readonly stats: { cold: number; reused: number };
  dispose(): void;
}

export function createCacheProjectPool(): CacheProjectPool {
  const base = realpathSync(mkdtempSync(join(tmpdir(), "layerlint-cache-model-")));
  const dir = join(base, "sequence");
  const template = join(base, "template");
  const stats = { cold: 0, reused: 0 };
  const coldByTree = new Map<string, Promise<CheckRun>>();
  const memoized = (extra: readonly string[], run: () => Promise<CheckRun>): Promise<CheckRun> => {
    const tree = `${extra.join(" ")}\n${treeOf(dir)}`;
    let found = coldByTree.get(tree);
    if (found === undefined) {
      stats.cold += 1;
      found = run();
      coldByTree.set(tree, found);
    } else {
      stats.reused += 1;
    }
    return found;
  };
  const project = projectIn(dir, (run, extra) => memoized(extra, run));
  return {
    stats,
    async next() {
      rmSync(dir, { recursive: true, force: true });
      if (existsSync(template)) {
        cpSync(template, dir, { recursive: true, verbatimSymlinks: true });
      } else {
        mkdirSync(dir);
        writeStartProject(dir);
        await project.compare();
        cpSync(dir, template, { recursive: true, verbatimSymlinks: true });
      }
      return project;
    },
    dispose: () => rmSync(base, { recursive: true, force: true }),
  };
}

/** Every entry under the folder (a link by its target, a file by its content), the cache's own files left out. */
function treeOf(dir: string): string {
  const lines: string[] = [];
  const visit = (relativeDir: string) => {
    for (const entry of readdirSync(join(dir, relativeDir), { withFileTypes: true })) {
      const path = `${relativeDir}/${entry.name}`;
      if (path === "/project/node_modules/.cache") continue;
      if (entry.isSymbolicLink()) lines.push(`link ${path} -> ${readlinkSync(join(dir, path))}`);
      else if (entry.isDirectory()) {
        lines.push(`folder ${path}`);
        visit(path);
      } else if (entry.isFile()) lines.push(`file ${path} ${readFileSync(join(dir, path), "base64")}`);
      else lines.push(`other ${path}`);
    }
  };
  visit("");
  return lines.sort().join("\n");
}

function writeStartProject(dir: string): void {
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write("project/layers.yaml", LAYERS_YAML);
  write("project/tsconfig.json", TSCONFIG("./configs/base.json"));
  write("project/configs/base.json", BASE_TSCONFIG("lib/*"));
  write("project/configs/other.json", BASE_TSCONFIG("src/db/*"));
  write("project/package.json", PACKAGE_JSON("./src/domain/clock.ts"));
  // Imports that events can turn from unresolved to resolved, or resolve elsewhere: a link, a paths
  // alias, a package.json import, a file outside the map's folder, a file not written yet.
  write(
    "project/src/http/route.ts",
    `import { users } from "../domain/users.js";\nimport "./linked.js";\nimport "@lib/real";\nexport const route = users;\n`,
  );
  write("project/src/domain/users.ts", `export const users = 1;\n`);
  write("project/src/domain/clock.ts", `export const now = 0;\n`);
  write(
    "project/src/db/repo.ts",
    `import { users } from "../domain/users.js";\nimport "#clock";\nimport "../../../outside/real.js";\nimport "./extra.js";\nexport const repo = users;\n`,
  );
  write("project/lib/real.ts", `export const real = 1;\n`);
  mkdirSync(join(dir, "outside"));
}

/** The project in `dir`; `cold` runs (or answers) each check that does not use the cache. */
function projectIn(
  dir: string,
  cold: (run: () => Promise<CheckRun>, extra: readonly string[]) => Promise<CheckRun>,
): CacheProject {
  const root = join(dir, "project");
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    rmSync(join(dir, path), { force: true, recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const check = async (extra: readonly string[]): Promise<CheckRun> => {
    const out: string[] = [];
    const err: string[] = [];
    const environment: CliEnvironment = {
      argv: ["check", "--format", "json", ...extra],
      cwd: root,
      env: { NO_COLOR: "1" },
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => err.push(text) },
      // The real adapters, the syntax check on this thread (its worker exists only as built JavaScript).
      ports: { syntax: inThreadSyntaxChecker },
      // A clock that far ahead trusts every file's stat at once, so that the model checks the stat answers too;
      // each event waits out the file system's clock tick (see EVENT_GAP_MS), as the trust delay does outside tests.
      now: () => Date.now() + STAT_TRUST_AFTER_MS,
    };
    const status = await runCli(environment);
    return { status, stdout: out.join(""), stderr: err.join("") };
  };
  return {
    dir,
    root,
    write,
    remove: (path) => rmSync(join(dir, path), { force: true, recursive: true }),
    rename(from, to) {
      if (!existsSync(join(dir, from))) return;
      mkdirSync(dirname(join(dir, to)), { recursive: true });
      rmSync(join(dir, to), { force: true, recursive: true });
      renameSync(join(dir, from), join(dir, to));
    },
    link(path, target) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      rmSync(join(dir, path), { force: true, recursive: true });
      symlinkSync(target, join(dir, path));
    },
    async compare(...extra) {
      const cached = await check(extra);
      const noCache = ["--no-cache", ...extra];
      return { cached, cold: await cold(() => check(noCache), noCache) };
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
