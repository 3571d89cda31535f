import { statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** What a tsconfig says about resolving imports, and every file TypeScript read to find it out. */
export interface TsconfigResolution {
  /** Absolute paths of the tsconfig and every file of its resolved `extends` chain (packages' ones included). */
  readonly files: readonly string[];
  /** `compilerOptions.paths`, with the absolute folder its targets are relative to. */
  readonly paths: Readonly<Record<string, readonly string[]>>;
  readonly pathsBase: string;
  /** `compilerOptions.baseUrl`, absolute, when set. */
  readonly baseUrl: string | undefined;
}

/** Larger than any real tsconfig; a bigger one, or one that is not a regular file, is left for the check to refuse. */
const MAX_TSCONFIG_BYTES = 4 * 1024 * 1024;

/**
 * Reads the tsconfig as TypeScript does (comments, trailing commas, `extends` strings and arrays,
 * packages), recording every file it reads. Never throws: a file that cannot be read is still listed,
 * so the cache key changes when it appears, and the check reports the error itself.
 */
export async function readTsconfigResolution(path: string): Promise<TsconfigResolution> {
  const ts = (await import("typescript")).default;
  const read = new Set<string>();
  const readFile = (file: string): string | undefined => {
    read.add(resolve(file));
    try {
      const stats = statSync(file);
      if (!stats.isFile() || stats.size > MAX_TSCONFIG_BYTES) return undefined;
    } catch {
      return undefined;
    }
    return ts.sys.readFile(file);
  };
  // No readDirectory: which files the tsconfig includes does not change how an import resolves.
  const host = { ...ts.sys, readFile, readDirectory: () => [] };
  const config: unknown = ts.readConfigFile(path, readFile).config;
  const parsed = ts.parseJsonConfigFileContent(config ?? {}, host, dirname(path), undefined, path);
  const options = parsed.options;
  return {
    files: [...read].sort(),
    paths: options.paths ?? {},
    // As TypeScript: relative to baseUrl when there is one, else to the tsconfig that declared paths.
    pathsBase: options.baseUrl ?? (typeof options.pathsBasePath === "string" ? options.pathsBasePath : dirname(path)),
    baseUrl: options.baseUrl,
  };
}
