import type { ImportedNames, ModuleExports } from "../domain/barrels/module-exports.js";
import type { CruiseOptions } from "../domain/compile/rule-set.js";
import type { InputKind } from "./input-limits.js";
import type { ModuleGraph } from "../domain/graph/module-graph.js";
import type { CycleSearch, FoundLoop } from "../domain/violations/find-cycle-violations.js";

/** Small ports; only the CLI's composition root names the adapters behind them. */

export interface FileSystem {
  /**
   * A regular file's text (symbolic links followed), read only up to the kind's size limit: a named pipe,
   * a device, a folder or a file over the limit is an UnreadableInputError naming the path.
   */
  readText(absolutePath: string, kind: InputKind): Promise<string>;
  exists(absolutePath: string): Promise<boolean>;
  isDirectory(absolutePath: string): Promise<boolean>;
  /** The size in bytes of a regular file; null when there is none at that path. */
  fileSize(absolutePath: string): Promise<number | null>;
  /**
   * Every file under the given entries (folders or files relative to `root`), as forward-slash paths
   * relative to `root`, sorted. node_modules and .git are never entered; symlinked folders are not followed,
   * a symbolic link to a file is listed like the file, a dangling or looping link is not.
   * Named pipes, sockets and devices are listed too (never read): `fileSize` tells them apart.
   */
  listFiles(root: string, entries: readonly string[]): Promise<string[]>;
  /** The path with every symbolic link resolved; the path itself when nothing exists there. */
  realPath(absolutePath: string): Promise<string>;
  /**
   * Writes a file nothing else is destroyed by: a regular file or a missing path (its folders created) through
   * a temporary file renamed into place, so a reader never sees half a file; a symbolic link's target the same
   * way; a device, a FIFO or /dev/stdout straight. A path that cannot hold a file is a UsageError.
   */
  writeTextAtomic(absolutePath: string, text: string): Promise<void>;
}

/** How imports resolve beyond what the cruise options say (nothing a dependency-cruiser configuration can hold). */
export interface ResolutionHints {
  /** enhanced-resolve aliases to absolute paths: workspace packages by name to their source. */
  readonly aliases: Readonly<Record<string, string>>;
  /** Where configuration files (a tsconfig and its `extends`) may be read from; the repository when absent. */
  readonly boundary?: ReadBoundary;
}

/**
 * Configuration a repository names (map `extends`, `tsconfig`, tsconfig `extends`) is read only from inside
 * `root` (the folder holding `.git`, else the map's folder) or an installed package (`node_modules`),
 * unless `--allow-outside` says otherwise.
 */
export interface ReadBoundary {
  readonly root: string;
  readonly allowOutside: boolean;
}

/** What the command line says about reading outside the repository; set once, before a command runs. */
export interface ReadPolicy {
  allowOutside: boolean;
}

export interface DependencyExtractor {
  /** Cruises the files (relative to `options.baseDir`) with the rules in `options`. */
  extract(files: readonly string[], options: CruiseOptions, hints?: ResolutionHints): Promise<ModuleGraph>;
  /** Drops what it remembers between extractions, if anything: a tsconfig or package.json changed. */
  forget?(): void;
  /**
   * A hint, as an analysis starts, that a cruise may follow: the extractor may start loading what it needs meanwhile.
   * `extract` works the same without it.
   */
  prepare?(): void;
  /** The analysis's cruising is over: what the extractor remembers of it (a parsed tsconfig) is not used again. */
  release?(): void;
}

export interface LocatedImport {
  readonly specifier: string;
  readonly line: number;
  readonly column: number;
  /**
   * `import type`, `export type`, `import { type A }` (every name a type), `import("x").T`, JSDoc: erased at compile
   * time.
   */
  readonly typeOnly: boolean;
}

export interface SyntaxProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface SourceInspector {
  /** Every import, export-from, dynamic import and require with a literal specifier, in source order. */
  locateImports(fileName: string, text: string): LocatedImport[];
  syntaxProblems(fileName: string, text: string): SyntaxProblem[];
  /** A cruise has started on another thread: the inspector may load its parser meanwhile. */
  prepare?(): void;
}

/** What `--through-barrels` reads of a source file. */
export interface BarrelReader {
  /** Its re-export statements and exported names, and whether it is a barrel (only re-exports). */
  exportsOf(fileName: string, text: string): ModuleExports;
  /** The names it takes from each specifier it imports or re-exports from. */
  importsOf(fileName: string, text: string): ImportedNames[];
}

export interface FileSyntaxProblem extends SyntaxProblem {
  readonly file: string;
}

export interface SyntaxChecker {
  /** The first syntax problem of each file that has one (files relative to `root`), in file order. */
  check(root: string, files: readonly string[]): Promise<FileSyntaxProblem[]>;
  /**
   * The files the next `check` will ask about, told as the cruise starts: the checker may start reading them while
   * the cruise runs. `check` answers the same without it.
   */
  prepare?(root: string, files: readonly string[]): void;
}

export interface YamlProblem extends SyntaxProblem {
  /** Where in the map the problem is (a key written twice), when the document could be read that far. */
  readonly keyPath?: readonly (string | number)[];
}

export interface ParsedYaml {
  /** The document's value; null when a syntax error leaves it unreadable (a key written twice does not). */
  readonly value: unknown;
  readonly errors: readonly YamlProblem[];
  /** Line and column of the value (or, with atKey, the key) at a key path; null when absent. */
  locate(keyPath: readonly (string | number)[], atKey?: boolean): { line: number; column: number } | null;
}

export interface YamlReader {
  parse(text: string): ParsedYaml;
}

export interface PresetLocator {
  /** The absolute path of a preset reference made from `fromFile`, or null when none exists. */
  locate(reference: string, fromFile: string): Promise<string | null>;
  builtInNames(): Promise<string[]>;
}

export interface VersionControl {
  /**
   * Files changed since the merge base of HEAD and `ref` (default: the default branch), committed or
   * not, plus untracked files: relative to `root`, forward slashes, sorted; deleted files included.
   */
  changedFiles(root: string, ref: string | undefined): Promise<string[]>;
  /** The commit checked out at `root`; null outside a repository or without git. */
  currentCommit(root: string): Promise<string | null>;
}

export interface FileWatcher {
  /**
   * Calls `onChange` with the paths (relative to `root`, forward slashes) that changed under the given
   * folders (recursively) and directly in `root` itself; until the returned handle is closed.
   */
  watch(root: string, folders: readonly string[], onChange: (paths: string[]) => void): { close(): void };
}

export interface SvgRenderer {
  /** Lays out a Graphviz DOT graph as SVG; DOT that Graphviz refuses is a DependencyFailure. */
  renderDot(dot: string): Promise<string>;
}

/** The loops a cycle search found, kept for a later search of exactly the same imports. */
export interface LoopStore {
  /** What a search of these imports (the same modules, imports and order) found; undefined when unknown. */
  recall(search: CycleSearch): Promise<readonly FoundLoop[] | undefined>;
  remember(search: CycleSearch, loops: readonly FoundLoop[]): void;
}

export interface CheckPorts {
  readonly fileSystem: FileSystem;
  readonly readPolicy: ReadPolicy;
  readonly extractor: DependencyExtractor;
  readonly inspector: SourceInspector;
  readonly syntax: SyntaxChecker;
  readonly yaml: YamlReader;
  readonly presets: PresetLocator;
  readonly versionControl: VersionControl;
  readonly svg: SvgRenderer;
  readonly barrels: BarrelReader;
  readonly watcher: FileWatcher;
  /** Where the loops of the last cycle search are kept; without it every check searches. */
  readonly loops?: LoopStore;
}
