import { readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { ResolutionHints } from "../../application/ports.js";
import type { CruiseOptions } from "../../domain/compile/rule-set.js";
import { hashBytes } from "./content-hashes.js";
import type { ResolutionSettings } from "./resolution-probes.js";
import { tsconfigResolution, type TsconfigMemo } from "./tsconfig-resolution.js";
import { readRegularFile } from "../file-system/regular-file-reader.js";

const require = createRequire(import.meta.url);

/** Bumped when the cache files' layout or meaning changes. */
export const CACHE_FORMAT = 4;

const LOCKFILES = [
  "package.json",
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lockb",
  "bun.lock",
  "node_modules/.package-lock.json",
  "node_modules/.modules.yaml",
  "node_modules/.yarn-state.yml",
  "node_modules/.yarn-integrity",
];

export interface ToolVersions {
  readonly layerlint: string;
  readonly dependencyCruiser: string;
  readonly typescript: string;
  readonly node: string;
}

/** Read from the packages' manifests, without loading dependency-cruiser or TypeScript. */
export function toolVersions(): ToolVersions {
  return {
    layerlint: manifestVersion(fileURLToPath(new URL("../../../package.json", import.meta.url))),
    dependencyCruiser: manifestVersion(
      manifestAbove(fileURLToPath(import.meta.resolve("dependency-cruiser")), "dependency-cruiser"),
    ),
    typescript: manifestVersion(require.resolve("typescript/package.json")),
    node: process.version,
  };
}

export interface GraphKey {
  readonly key: string;
  /** Where imports can resolve besides the files the probes list (see resolution-probes.ts). */
  readonly resolution: ResolutionSettings;
  /** The tsconfig's resolution and what it was read from, for the next run to reuse without TypeScript. */
  readonly tsconfig: TsconfigMemo | undefined;
}

/**
 * Everything outside the files' own contents and the folders their imports look in (the resolution
 * probes) that decides what the extractor answers; when any of it differs, no cached entry is used.
 * No folder is walked: a file no import could resolve to changes nothing, and a folder the check does
 * not look in (readable or not) is never opened. The checked files are not in it: one added is cruised
 * alone, one removed is dropped (see cachingExtractor).
 */
export async function graphKey(
  versions: ToolVersions,
  requested: readonly string[],
  options: CruiseOptions,
  hints: ResolutionHints | undefined,
  previousTsconfig: TsconfigMemo | undefined,
): Promise<GraphKey> {
  const rootDir = options.baseDir;
  const configs = new Map<string, string>();
  // The package.json of every folder holding a checked file, up to the map's folder (and above, with the lockfiles).
  const folders = new Set<string>();
  for (const file of requested) {
    for (let folder = posix.dirname(file); folder !== "." && !folders.has(folder); folder = posix.dirname(folder))
      folders.add(folder);
  }
  for (const folder of [...folders].sort()) {
    const content = await contentOf(join(rootDir, folder, "package.json"));
    if (content !== MISSING) configs.set(`${folder}/package.json`, content);
  }
  const installed: string[] = [];
  for (let folder = rootDir; ; folder = dirname(folder)) {
    installed.push(...(await installedPackages(folder)));
    for (const name of LOCKFILES) {
      const path = join(folder, name);
      const key = relative(rootDir, path).split("\\").join("/");
      if (!configs.has(key)) configs.set(key, await contentOf(path));
    }
    if (dirname(folder) === folder) break;
  }
  const tsconfig =
    options.tsConfig === undefined
      ? undefined
      : await tsconfigResolution(
          isAbsolute(options.tsConfig.fileName) ? options.tsConfig.fileName : join(rootDir, options.tsConfig.fileName),
          previousTsconfig,
        );
  const aliases = hints?.aliases ?? {};
  const key = hashBytes(
    JSON.stringify({
      format: CACHE_FORMAT,
      versions,
      options,
      aliases,
      installed,
      configs: [...configs].sort(([a], [b]) => (a < b ? -1 : 1)),
      tsconfig: tsconfig?.looked ?? null,
    }),
  );
  return {
    key,
    resolution: {
      rootDir,
      paths: tsconfig?.resolution.paths ?? {},
      pathsBase: tsconfig?.resolution.pathsBase ?? rootDir,
      baseUrl: tsconfig?.resolution.baseUrl,
      aliases,
      imports: await importsField(join(rootDir, "package.json")),
    },
    tsconfig,
  };
}

/** The `imports` field of a package.json (`#name` specifiers); its content is in the key already. */
async function importsField(path: string): Promise<unknown> {
  try {
    return (JSON.parse((await readRegularFile(path, "manifest")).toString("utf8")) as { imports?: unknown }).imports;
  } catch {
    return undefined;
  }
}

/** The packages a node_modules folder holds, by name: one installed or removed changes how a bare import resolves. */
async function installedPackages(folder: string): Promise<string[]> {
  const modules = join(folder, "node_modules");
  const names = (await readdir(modules).catch((): string[] => [])).filter((name) => !name.startsWith("."));
  const scoped = await Promise.all(
    names
      .filter((name) => name.startsWith("@"))
      .map(async (scope) =>
        (await readdir(join(modules, scope)).catch((): string[] => [])).map((name) => `${scope}/${name}`),
      ),
  );
  return [...names, ...scoped.flat()].sort().map((name) => `${modules}:${name}`);
}

const MISSING = "unreadable: ENOENT";

async function contentOf(path: string): Promise<string> {
  try {
    return hashBytes(await readRegularFile(path, "manifest"));
  } catch (error) {
    return `unreadable: ${(error as NodeJS.ErrnoException).code ?? "?"}`;
  }
}

function manifestVersion(path: string): string {
  return (require(path) as { version: string }).version;
}

function manifestAbove(file: string, name: string): string {
  for (let folder = dirname(file); dirname(folder) !== folder; folder = dirname(folder)) {
    try {
      if ((require(join(folder, "package.json")) as { name?: string }).name === name)
        return join(folder, "package.json");
    } catch {
      // No manifest in this folder: look further up.
    }
  }
  throw new Error(`cannot find the package.json of ${name}`);
}

/** The syntax check depends only on each file's content and name, and on the parser. */
export function syntaxKey(versions: ToolVersions): string {
  return hashBytes(
    JSON.stringify({ format: CACHE_FORMAT, layerlint: versions.layerlint, typescript: versions.typescript }),
  );
}
