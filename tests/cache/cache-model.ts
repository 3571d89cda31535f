import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
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
  const root = join(dir, "project");
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    rmSync(join(dir, path), { force: true, recursive: true });
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
      const cold = await check(["--no-cache", ...extra]);
      return { cached, cold };
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
