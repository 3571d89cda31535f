import type { FileSystem, SourceInspector } from "../../application/ports.js";
import { cacheFile } from "./cache-file.js";
import { locatedCacheSchema, type LocatedCacheFile } from "./cache-schemas.js";
import { hashBytes } from "./content-hashes.js";

type LocatedEntry = LocatedCacheFile["files"][number][1];

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
  const stored = cacheFile(fileSystem, file, locatedCacheSchema, warn);
  const read = await stored.read();
  const cached = new Map<string, LocatedEntry>(read.state === "read" && read.value.key === key ? read.value.files : []);
  const used = new Map<string, LocatedEntry>();
  let changed = false;
  return {
    inspector: {
      locateImports(fileName, text) {
        const hash = hashBytes(text);
        const known = cached.get(fileName);
        if (known !== undefined && known.hash === hash) {
          used.set(fileName, known);
          return known.imports.map((located) => ({ ...located }));
        }
        const imports = inner.locateImports(fileName, text);
        used.set(fileName, {
          hash,
          imports: imports.map(({ specifier, line, column, typeOnly }) => ({ specifier, line, column, typeOnly })),
        });
        changed = true;
        return imports;
      },
      syntaxProblems: (fileName, text) => inner.syntaxProblems(fileName, text),
    },
    async flush() {
      if (!changed && used.size === cached.size) return;
      await stored.write({ key, files: [...used] });
    },
  };
}
