import type { FileSystem, LocatedImport, SourceInspector } from "../../application/ports.js";
import { cannotWrite, isRecord, readCacheFile, writeCacheFile } from "./cache-file.js";
import { hashBytes } from "./content-hashes.js";

interface LocatedCache {
  readonly key: string;
  /** Per file: the content hash of the text its imports were located in, and where they are. */
  readonly files: Record<string, { readonly hash: string; readonly imports: readonly LocatedImport[] }>;
}

export interface CachingSourceInspector {
  readonly inspector: SourceInspector;
  /** Writes what was located this run, when anything was new. */
  flush(): Promise<void>;
}

/**
 * Where the imports of a violation's file are, remembered per content hash: a warm check with violations
 * never loads the parser. `locateImports` is synchronous, so the cache file is read before the run.
 */
export async function cachingSourceInspector(
  inner: SourceInspector,
  fileSystem: FileSystem,
  key: string,
  file: string,
  warn: (message: string) => void,
): Promise<CachingSourceInspector> {
  const read = await readCacheFile(file, isLocatedCache);
  if (read.state === "corrupt") warn(`the cache file ${file} is discarded: ${read.reason}`);
  const cached = read.state === "read" && read.value.key === key ? read.value.files : {};
  const used: Record<string, LocatedCache["files"][string]> = {};
  let changed = false;
  return {
    inspector: {
      locateImports(fileName, text) {
        const hash = hashBytes(text);
        const known = cached[fileName];
        if (known !== undefined && known.hash === hash) {
          used[fileName] = known;
          return known.imports.map((located) => ({ ...located }));
        }
        const imports = inner.locateImports(fileName, text);
        used[fileName] = { hash, imports };
        changed = true;
        return imports;
      },
      syntaxProblems: (fileName, text) => inner.syntaxProblems(fileName, text),
    },
    async flush() {
      if (!changed && Object.keys(used).length === Object.keys(cached).length) return;
      try {
        await writeCacheFile(fileSystem, file, { key, files: used } satisfies LocatedCache);
      } catch (error) {
        warn(cannotWrite(file, error));
      }
    },
  };
}

function isLocatedCache(value: unknown): value is LocatedCache {
  return (
    isRecord(value) &&
    typeof value.key === "string" &&
    isRecord(value.files) &&
    Object.values(value.files).every(
      (entry) => isRecord(entry) && typeof entry.hash === "string" && Array.isArray(entry.imports),
    )
  );
}
