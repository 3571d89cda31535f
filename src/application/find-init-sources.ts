import { join } from "node:path";
import { compileGlobList, literalSegmentsOf } from "../domain/glob/compile-glob.js";
import { isSourceFile } from "../domain/graph/source-files.js";
import { gitignoreGlobs } from "../domain/init/gitignore-globs.js";
import { stripJsonComments } from "../domain/init/jsonc.js";
import { OUTPUT_FOLDERS, TEST_AND_OUTPUT_GLOBS } from "../domain/init/vocabulary.js";
import type { FileSystem } from "./ports.js";
import type { InputKind } from "./input-limits.js";

export interface InitSources {
  /** What the map's `include` lists: source folders, and source files directly in the project's folder. */
  readonly include: readonly string[];
  /** The source folders, for globs (`src`); "" stands for the project's folder. */
  readonly roots: readonly string[];
  /** What the map's `exclude` lists: tests in every convention, and what .gitignore or the tsconfig exclude. */
  readonly exclude: readonly string[];
  /** The source files to place, include minus exclude. */
  readonly files: readonly string[];
  /** Where the include came from, for the summary. */
  readonly includeFrom: string;
}

const CONFIG_FILE =
  /(^|\.)(config|rc)\.[cm]?[jt]s$|^\.[^/]*rc\.[cm]?[jt]s$|^(gulpfile|gruntfile|webpack|rollup|vite|jest|vitest|babel|eslint|prettier|commitlint|lint-staged)\b/i;

/**
 * Where the source is, without assuming `src/`: the folders the tsconfig's `include` names, else `src`,
 * else every top folder holding source files (never build output, tests or what .gitignore ignores)
 * plus the source files directly in the project's folder that are not tool configuration.
 */
export async function findInitSources(fileSystem: FileSystem, rootDir: string): Promise<InitSources> {
  const ignored = (await readIfThere(fileSystem, join(rootDir, ".gitignore"), "ignore-file")) ?? "";
  const tsconfig = await readTsconfig(fileSystem, rootDir);
  const skip = [...TEST_AND_OUTPUT_GLOBS, ...gitignoreGlobs(ignored), ...tsconfig.exclude];
  const skipping = compileGlobList(skip).map((compiled) => new RegExp(compiled.regex));
  const skipped = (file: string) => skipping.some((regex) => regex.test(file)) || OUTPUT_FOLDERS.has(topFolderOf(file));

  let include: string[];
  let includeFrom: string;
  let packageRoots: string[];
  const named = [...new Set(tsconfig.include.map((entry) => literalSegmentsOf(entry)[0] ?? ""))].filter(
    (folder) => folder !== "" && !OUTPUT_FOLDERS.has(folder),
  );
  const existing: string[] = [];
  for (const folder of named) if (await fileSystem.isDirectory(join(rootDir, folder))) existing.push(folder);
  if (
    existing.length > 0 &&
    !tsconfig.include.some((entry) => (literalSegmentsOf(entry)[0] ?? "") === "" || entry.startsWith("*"))
  ) {
    include = existing.sort();
    includeFrom = "the tsconfig's include";
  } else if (await fileSystem.isDirectory(join(rootDir, "src"))) {
    include = ["src"];
    includeFrom = "src/";
  } else if ((packageRoots = await packageSourceRoots(fileSystem, rootDir)).length > 0) {
    include = packageRoots;
    includeFrom = "the src/ folders of the packages with a package.json";
  } else {
    const everything = (await fileSystem.listFiles(rootDir, ["."])).filter(
      (file) => isSourceFile(file) && !skipped(file),
    );
    const folders = new Set<string>();
    const rootFiles: string[] = [];
    for (const file of everything) {
      const slash = file.indexOf("/");
      if (slash === -1) {
        if (!CONFIG_FILE.test(file)) rootFiles.push(file);
      } else folders.add(file.slice(0, slash));
    }
    include = [...[...folders].sort(), ...rootFiles.sort()];
    includeFrom = "the folders holding source files";
  }

  const listed = (await fileSystem.listFiles(rootDir, include)).filter(isSourceFile);
  const files = listed.filter((file) => !skipped(file));
  const extra = [...gitignoreGlobs(ignored), ...tsconfig.exclude].filter((glob) => {
    const [compiled] = compileGlobList([glob]);
    const regex = new RegExp(compiled?.regex ?? "$^");
    return listed.some((file) => regex.test(file));
  });
  return {
    include,
    // Without one source folder, the folders' own names (`routes/`, `db/`) are what places the files.
    roots: includeFrom === "the folders holding source files" ? [""] : include.filter((entry) => !isSourceFile(entry)),
    exclude: [...TEST_AND_OUTPUT_GLOBS, ...new Set(extra)],
    files,
    includeFrom,
  };
}

/**
 * `<folder>/src` for every folder of the project that holds a package.json and a src/ folder (a backend and a frontend
 * side by side).
 */
async function packageSourceRoots(fileSystem: FileSystem, rootDir: string): Promise<string[]> {
  const folders = new Set(
    (await fileSystem.listFiles(rootDir, ["."]))
      .filter((file) => file.endsWith("/package.json") && file.split("/").length === 2)
      .map(topFolderOf),
  );
  const roots: string[] = [];
  for (const folder of [...folders].sort()) {
    if (!OUTPUT_FOLDERS.has(folder) && (await fileSystem.isDirectory(join(rootDir, folder, "src"))))
      roots.push(`${folder}/src`);
  }
  return roots;
}

async function readTsconfig(
  fileSystem: FileSystem,
  rootDir: string,
): Promise<{ include: readonly string[]; exclude: readonly string[] }> {
  const text = await readIfThere(fileSystem, join(rootDir, "tsconfig.json"), "tsconfig");
  if (text === null) return { include: [], exclude: [] };
  try {
    const parsed = JSON.parse(stripJsonComments(text)) as { include?: unknown; exclude?: unknown };
    return { include: validGlobs(parsed.include), exclude: validGlobs(parsed.exclude) };
  } catch {
    // A tsconfig that is not JSON names no source roots; the check that follows reports it.
    return { include: [], exclude: [] };
  }
}

/**
 * The entries of a tsconfig list that are map globs (`./src/**\/*` → `src/**\/*`); node_modules and others left out.
 */
function validGlobs(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (typeof entry !== "string") return [];
    const glob = entry.replace(/^\.\//, "").replace(/\/+$/, "");
    if (glob === "" || glob.includes("node_modules")) return [];
    try {
      compileGlobList([glob]);
      return [glob];
    } catch {
      return [];
    }
  });
}

async function readIfThere(fileSystem: FileSystem, path: string, kind: InputKind): Promise<string | null> {
  return (await fileSystem.exists(path)) ? fileSystem.readText(path, kind) : null;
}

/** The first segment of a path: its top folder, or the file itself at the top. */
function topFolderOf(file: string): string {
  const slash = file.indexOf("/");
  return slash === -1 ? file : file.slice(0, slash);
}
