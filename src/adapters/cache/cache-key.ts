import { readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { FileSystem, ResolutionHints } from "../../application/ports.js";
import type { CruiseOptions } from "../../domain/compile/rule-set.js";
import { hashBytes } from "./content-hashes.js";
import { readRegularFile } from "../file-system/regular-file-reader.js";

const require = createRequire(import.meta.url);

/** Bumped when the cache files' layout or meaning changes. */
export const CACHE_FORMAT = 2;

/** Files whose content can change how an unchanged import resolves (besides the set of files that exist). */
const RESOLUTION_CONFIG = /(^|\/)(package\.json|(ts|js)config[^/]*\.json)$/;
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

/**
 * Everything outside a file's own content that decides what the extractor answers for it; when any of
 * it differs, no cached entry is used. Every file under the map's folder is listed (node_modules and
 * .git aside): a file added, removed or renamed anywhere can change how some import resolves.
 */
export async function graphKey(
  fileSystem: FileSystem,
  versions: ToolVersions,
  requested: readonly string[],
  options: CruiseOptions,
  cacheDir: string,
  hints: ResolutionHints | undefined,
): Promise<string> {
  const rootDir = options.baseDir;
  // The cache's own files never change a resolution, wherever --cache-dir puts them.
  const ownFolder = `${relative(rootDir, cacheDir).split("\\").join("/")}/`;
  const everyFile = (await fileSystem.listFiles(rootDir, ["."])).filter((file) => !file.startsWith(ownFolder));
  const configs = new Map<string, string>();
  for (const file of everyFile.filter((path) => RESOLUTION_CONFIG.test(path)))
    configs.set(file, await contentOf(join(rootDir, file)));
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
  if (options.tsConfig !== undefined) {
    for (const file of await tsconfigChain(
      isAbsolute(options.tsConfig.fileName) ? options.tsConfig.fileName : join(rootDir, options.tsConfig.fileName),
    )) {
      configs.set(relative(rootDir, file.path), file.content);
    }
  }
  return hashBytes(
    JSON.stringify({
      format: CACHE_FORMAT,
      versions,
      options,
      aliases: hints?.aliases ?? {},
      requested,
      everyFile,
      installed,
      configs: [...configs].sort(([a], [b]) => (a < b ? -1 : 1)),
    }),
  );
}

/** The tsconfig and the files it extends by relative path (package ones change with the lockfile). */
async function tsconfigChain(path: string): Promise<{ path: string; content: string }[]> {
  const chain: { path: string; content: string }[] = [];
  const pending = [path];
  while (pending.length > 0 && chain.length < 32) {
    const file = pending.shift() as string;
    if (chain.some((seen) => seen.path === file)) continue;
    const content = await contentOf(file);
    chain.push({ path: file, content });
    const extended = /"extends"\s*:\s*("(?:[^"\\]|\\.)*"|\[[^\]]*\])/.exec(content)?.[1];
    for (const reference of extended === undefined
      ? []
      : [...extended.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1] as string)) {
      if (!reference.startsWith(".") && !isAbsolute(reference)) continue;
      const target = resolve(dirname(file), reference);
      pending.push(basename(target).endsWith(".json") ? target : `${target}.json`);
    }
  }
  return chain;
}

/** The packages a node_modules folder holds, by name: one installed or removed changes how a bare import resolves. */
async function installedPackages(folder: string): Promise<string[]> {
  const modules = join(folder, "node_modules");
  const names = (await readdir(modules).catch(() => [] as string[])).filter((name) => !name.startsWith("."));
  const scoped = await Promise.all(
    names
      .filter((name) => name.startsWith("@"))
      .map(async (scope) =>
        (await readdir(join(modules, scope)).catch(() => [] as string[])).map((name) => `${scope}/${name}`),
      ),
  );
  return [...names, ...scoped.flat()].sort().map((name) => `${modules}:${name}`);
}

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
