import { readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { hashBytes } from "./content-hashes.js";

/** What a tsconfig says about resolving imports. */
export interface TsconfigResolution {
  /** `compilerOptions.paths`, with the absolute folder its targets are relative to. */
  readonly paths: Readonly<Record<string, readonly string[]>>;
  readonly pathsBase: string;
  /** `compilerOptions.baseUrl`, absolute, when set. */
  readonly baseUrl: string | undefined;
}

/**
 * A tsconfig's resolution, with every path TypeScript looked at to find it (the tsconfig, each file of
 * its resolved `extends` chain, the package folders and manifests an `extends` of a package went
 * through) and what was there: while each is unchanged, the answer is the same without loading TypeScript.
 */
export interface TsconfigMemo {
  readonly path: string;
  /** [path, state]: `file HASH`, `folder`, `other` or `none`, sorted by path. */
  readonly looked: readonly (readonly [string, string])[];
  readonly resolution: TsconfigResolution;
}

/** Larger than any real tsconfig; a bigger one, or one that is not a regular file, is left for the check to refuse. */
const MAX_TSCONFIG_BYTES = 4 * 1024 * 1024;

/** The memo when everything it looked at is as it was, else the tsconfig read again as TypeScript reads it. */
export async function tsconfigResolution(path: string, memo: TsconfigMemo | undefined): Promise<TsconfigMemo> {
  if (memo !== undefined && memo.path === path && memo.looked.every(([looked, state]) => stateOf(looked) === state))
    return memo;
  return readTsconfig(path);
}

/**
 * Reads the tsconfig as TypeScript does (comments, trailing commas, `extends` strings and arrays,
 * packages). Never throws: a file that cannot be read is still recorded, so the key changes when it
 * appears, and the check reports the error itself.
 */
async function readTsconfig(path: string): Promise<TsconfigMemo> {
  const ts = (await import("typescript")).default;
  const looked = new Set<string>();
  const look = (file: string) => looked.add(resolve(file));
  const readFile = (file: string): string | undefined => {
    look(file);
    return regularFileSize(file) === null ? undefined : ts.sys.readFile(file);
  };
  const host: import("typescript").ParseConfigHost = {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    // No folder listing: which files the tsconfig includes does not change how an import resolves.
    readDirectory: () => [],
    fileExists: (file) => (look(file), ts.sys.fileExists(file)),
    readFile,
  };
  const withFolders = {
    ...host,
    directoryExists: (folder: string) => (look(folder), ts.sys.directoryExists(folder)),
    realpath: (file: string) => (look(file), ts.sys.realpath?.(file) ?? file),
  };
  const config: unknown = ts.readConfigFile(path, readFile).config;
  const options = ts.parseJsonConfigFileContent(config ?? {}, withFolders, dirname(path), undefined, path).options;
  return {
    path,
    looked: [...looked].sort().map((file) => [file, stateOf(file)] as const),
    resolution: {
      paths: options.paths ?? {},
      // As TypeScript: relative to baseUrl when there is one, else to the tsconfig that declared paths.
      pathsBase: options.baseUrl ?? (typeof options.pathsBasePath === "string" ? options.pathsBasePath : dirname(path)),
      baseUrl: options.baseUrl,
    },
  };
}

function stateOf(path: string): string {
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return "folder";
    if (!stats.isFile() || stats.size > MAX_TSCONFIG_BYTES) return "other";
    return `file ${hashBytes(readFileSync(path))}`;
  } catch {
    return "none";
  }
}

function regularFileSize(path: string): number | null {
  try {
    const stats = statSync(path);
    return stats.isFile() && stats.size <= MAX_TSCONFIG_BYTES ? stats.size : null;
  } catch {
    return null;
  }
}
