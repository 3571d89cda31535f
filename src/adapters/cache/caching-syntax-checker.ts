import { join } from "node:path";
import type { FileSyntaxProblem, FileSystem, SourceInspector, SyntaxChecker } from "../../application/ports.js";
import { cacheFile } from "./cache-file.js";
import { syntaxCacheSchema, type SyntaxCacheFile } from "./cache-schemas.js";
import { hashAll, type ContentHashes } from "./content-hashes.js";
import { recalledSyntax } from "../typescript/recorded-parses.js";

type SyntaxEntry = SyntaxCacheFile["files"][number][1];

export interface SyntaxCacheOutcome {
  readonly cached: number;
  readonly parsed: number;
}

export interface CachingSyntaxCheckerSettings {
  readonly inner: SyntaxChecker;
  /** Parses a few changed files in this thread: cheaper than starting a worker that loads TypeScript again. */
  readonly inspector: SourceInspector;
  readonly fileSystem: FileSystem;
  readonly hashes: ContentHashes;
  readonly key: string;
  readonly file: string;
  readonly warn: (message: string) => void;
  readonly report: (outcome: SyntaxCacheOutcome) => void;
}

/** Parses only the files whose content changed since the answer was cached. */
export function cachingSyntaxChecker(settings: CachingSyntaxCheckerSettings): SyntaxChecker {
  return {
    async check(root, files) {
      const stored = cacheFile(settings.fileSystem, settings.file, syntaxCacheSchema, settings.warn);
      const read = await stored.read();
      const cached = new Map<string, SyntaxEntry>(
        read.state === "read" && read.value.key === settings.key ? read.value.files : [],
      );
      const current = await hashAll(settings.hashes, files);
      const changed = files.filter(
        (file) => current.get(file) === null || cached.get(file)?.hash !== current.get(file),
      );
      const isChanged = new Set(changed);
      const found = new Map(
        (await (changed.length <= FEW ? parseHere(settings, root, changed) : settings.inner.check(root, changed))).map(
          (problem) => [problem.file, problem],
        ),
      );
      const entries: [string, SyntaxEntry][] = [];
      const problems: FileSyntaxProblem[] = [];
      for (const file of files) {
        const fresh = found.get(file);
        const problem = isChanged.has(file)
          ? fresh === undefined
            ? null
            : { line: fresh.line, column: fresh.column, message: fresh.message }
          : (cached.get(file)?.problem ?? null);
        if (problem !== null) problems.push({ file, ...problem });
        const hash = current.get(file);
        if (hash !== null && hash !== undefined) entries.push([file, { hash, problem }]);
      }
      settings.report({ cached: files.length - changed.length, parsed: changed.length });
      if (changed.length > 0 || cached.size !== files.length) await stored.write({ key: settings.key, files: entries });
      return problems;
    },
  };
}

/** Up to this many changed files are parsed in this thread, beyond it in the worker. */
const FEW = 16;

/**
 * What the worker does (the first syntax problem of each file, from the cruise's parse where it read the same text),
 * without the worker.
 */
async function parseHere(
  settings: CachingSyntaxCheckerSettings,
  root: string,
  files: readonly string[],
): Promise<FileSyntaxProblem[]> {
  const found: FileSyntaxProblem[] = [];
  for (const file of files) {
    const text = await settings.fileSystem.readText(join(root, file), "source");
    const recalled = recalledSyntax(root, file, text);
    const [first] =
      recalled === undefined ? settings.inspector.syntaxProblems(file, text) : recalled === null ? [] : [recalled];
    if (first !== undefined) found.push({ file, ...first });
  }
  return found;
}
