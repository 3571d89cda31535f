import { quoted } from "../domain/quoted-name.js";
import { dirname, join, relative, sep } from "node:path";
import { ConfigurationError, UnreadableInputError, type ConfigurationIssue } from "../domain/errors.js";
import { closestName } from "../domain/map/closest-name.js";
import type { LayerMap } from "../domain/map/layer-map.js";
import type { LayerMapFile } from "../domain/map/layer-map-schema.js";
import { formatKeyPath, type MapIssue } from "../domain/map/map-issue.js";
import { mergeLayerMaps, type SourcedLayerMapFile } from "../domain/map/merge-layer-maps.js";
import { followsFromStripping, salvageLayerMapFile, type KeyPath } from "../domain/map/salvage-layer-map-file.js";
import { validateLayerMap } from "../domain/map/validate-layer-map.js";
import { layerRulesSizeIssue } from "../domain/compile/layer-rules-size.js";
import type { CheckPorts, ParsedYaml, ReadBoundary, ReadPolicy } from "./ports.js";
import { findRepositoryRoot, isInsideRepository, mayRead, outsideMessage } from "./read-boundary.js";

export interface LoadedLayerMap {
  readonly map: LayerMap;
  /** Absolute path of the user's map file. */
  readonly mapFile: string;
  /** The map's folder: globs, include and report paths are relative to it. */
  readonly rootDir: string;
  /** Where configuration may be read from (the tsconfig's `extends` chain). */
  readonly boundary: ReadBoundary;
}

type LoadPorts = Pick<CheckPorts, "fileSystem" | "yaml" | "presets"> & { readonly readPolicy?: ReadPolicy };

/** What every file of one map's chain is read against. */
interface ChainContext {
  readonly ports: LoadPorts;
  readonly cwd: string;
  readonly boundary: ReadBoundary;
  /** The repository's folder as the user in `cwd` would type it. */
  readonly shownRoot: string;
  readonly builtIns: ReadonlySet<string>;
}
/** What Node's UTF-8 decoder puts in place of bytes that are not UTF-8. */
const REPLACEMENT_CHARACTER = "\uFFFD";

/** A problem not yet placed: either already at a line (read and YAML errors) or at a key path of a file. */
/** `refused`: a file not read at all (not a regular file, over its limit), so the problem quotes nothing of it. */
type Problem =
  { readonly placed: ConfigurationIssue } | { readonly refused: ConfigurationIssue } | { readonly issue: MapIssue };

/** What reading one map file and its presets found: the files that could be read, and every problem. */
interface Chain {
  readonly files: readonly SourcedLayerMapFile[];
  readonly problems: readonly Problem[];
  readonly parsed: ReadonlyMap<string, ParsedYaml>;
  /** Per file, the keys the schema refused, left out of `files`. */
  readonly stripped: ReadonlyMap<string, readonly KeyPath[]>;
  /** The presets the user's own file extends. */
  readonly presets: readonly string[];
}

/**
 * Reads the map and its presets and checks all of it: reading, YAML, schema, references, globs, contexts
 * and paths on disk. The problems of every phase that can still run are listed together: a key the schema
 * refuses is left out and the rest is still checked, without the problems that only its absence causes.
 * Some problems stop what depends on them: a YAML error that leaves no value ends that file, a map with
 * more than MAX_LAYERS layers is refused alone, and the compiled rules' size is checked only on a valid map.
 */
export async function loadLayerMap(ports: LoadPorts, mapFile: string, cwd: string): Promise<LoadedLayerMap> {
  const rootDir = dirname(mapFile);
  const boundary: ReadBoundary = {
    root: await findRepositoryRoot(ports.fileSystem, rootDir),
    allowOutside: ports.readPolicy?.allowOutside ?? false,
  };
  const context: ChainContext = {
    ports,
    cwd,
    boundary,
    shownRoot: relative(cwd, boundary.root) || ".",
    builtIns: new Set(await ports.presets.builtInNames()),
  };
  const chain = await readChain(context, mapFile, [mapFile]);
  const later: MapIssue[] = [];
  let map: LayerMap | undefined;
  if (chain.files.length > 0) {
    const validation = validateLayerMap(mergeLayerMaps(chain.files), {
      mapFile,
      defaultInclude: (await ports.fileSystem.isDirectory(join(rootDir, "src"))) ? ["src"] : ["."],
      defaultTsconfig: (await ports.fileSystem.exists(join(rootDir, "tsconfig.json"))) ? "tsconfig.json" : null,
      presets: chain.presets,
    });
    if (!validation.ok) later.push(...validation.issues);
    map = validation.map;
    const tooLarge = validation.ok ? layerRulesSizeIssue(validation.map, mapFile) : null;
    if (tooLarge !== null) later.push(tooLarge);
    // An include entry that is no valid glob is not also looked for on disk.
    const onDisk = map === undefined ? [] : await missingPaths(context, rootDir, map, chain.files);
    later.push(...onDisk.filter((issue) => !later.some((found) => sameKey(found, issue))));
  }
  const unstripped = later.filter(
    (issue) => !followsFromStripping(issue.keyPath, chain.stripped.get(issue.file) ?? []),
  );
  const problems = [...chain.problems, ...unstripped.map((issue) => ({ issue }))];
  if (problems.length > 0 || map === undefined) {
    throw new ConfigurationError(problems.map((problem) => placed(problem, chain.parsed, cwd)));
  }
  return { map, mapFile, rootDir, boundary };
}

/**
 * One file and, depth first, the presets it extends (those before the file, as merging wants them). A file
 * outside the repository (an installed preset, or one allowed) is named in one problem, never quoted: its
 * lines may be secrets.
 */
async function readChain(context: ChainContext, file: string, chain: readonly string[]): Promise<Chain> {
  const read = await readFileOfChain(context, file, chain);
  if (
    read.problems.length === 0 ||
    isInsideRepository(await context.ports.fileSystem.realPath(file), context.boundary.root)
  )
    return read;
  const own = read.problems.filter((problem) => problemFile(problem) === file && !("refused" in problem));
  if (own.length === 0) return read;
  const count = own.length === 1 ? "1 problem" : `${own.length} problems`;
  const named: Problem = {
    placed: {
      file,
      line: null,
      column: null,
      key: "",
      message: `not a valid layer map (${count}); it lies outside the repository, so nothing of it is quoted`,
    },
  };
  return { ...read, problems: [named, ...read.problems.filter((problem) => problemFile(problem) !== file)] };
}

function problemFile(problem: Problem): string {
  return "placed" in problem ? problem.placed.file : "refused" in problem ? problem.refused.file : problem.issue.file;
}

async function readFileOfChain(context: ChainContext, file: string, chain: readonly string[]): Promise<Chain> {
  const read = await readMapFile(context.ports, file);
  // A YAML error that leaves no value stops this file; an empty file goes on to say it is empty.
  if (read.parsed === null || (read.parsed.value === null && read.problems.length > 0))
    return { ...emptyChain(), problems: read.problems };
  const parsed = new Map([[file, read.parsed]]);
  const salvaged = salvageLayerMapFile(file, read.parsed.value);
  const problems: Problem[] = [...read.problems, ...salvaged.issues.map((issue) => ({ issue }))];
  const stripped = new Map([[file, salvaged.stripped]]);
  if (salvaged.content === null) return { files: [], problems, parsed, stripped, presets: [] };
  const content = salvaged.content;
  const files: SourcedLayerMapFile[] = [];
  const presets: string[] = [];
  for (const [index, reference] of extendsOf(content).entries()) {
    const keyPath = typeof content.extends === "string" ? ["extends"] : ["extends", index];
    const display = (shown: string) => displayPath(context.cwd, shown);
    const located = await locatePreset(context, { file, keyPath, reference, chain, display });
    if ("problem" in located) {
      problems.push(located.problem);
      continue;
    }
    if (chain.length === 1) presets.push(reference);
    const preset = await readChain(context, located.presetFile, [...chain, located.presetFile]);
    files.push(...preset.files);
    problems.push(...preset.problems);
    for (const [name, value] of preset.parsed) parsed.set(name, value);
    for (const [name, value] of preset.stripped) stripped.set(name, value);
  }
  return { files: [...files, { file, content }], problems, parsed, stripped, presets };
}

function emptyChain(): Chain {
  return { files: [], problems: [], parsed: new Map(), stripped: new Map(), presets: [] };
}

function extendsOf(content: LayerMapFile): readonly string[] {
  return content.extends === undefined ? [] : [content.extends].flat();
}

/**
 * Reads a map file as text and YAML: a file that is not regular, too large, not UTF-8 or with YAML errors is a problem.
 */
async function readMapFile(
  ports: LoadPorts,
  file: string,
): Promise<{ readonly parsed: ParsedYaml | null; readonly problems: readonly Problem[] }> {
  const unreadable = (message: string, line: number | null = null, column: number | null = null) => ({
    parsed: null,
    problems: [{ placed: { file, line, column, key: "", message } }],
  });
  let text: string;
  try {
    text = await ports.fileSystem.readText(file, "map");
  } catch (error) {
    if (!(error instanceof UnreadableInputError)) throw error;
    return {
      parsed: null,
      problems: [{ refused: { file, line: null, column: null, key: "", message: error.reason } }],
    };
  }
  const undecodable = text.indexOf(REPLACEMENT_CHARACTER);
  if (undecodable !== -1) {
    const before = text.slice(0, undecodable);
    const line = before.split("\n").length;
    const column = undecodable - before.lastIndexOf("\n");
    return unreadable("the file is not valid UTF-8 (or holds U+FFFD): save it as UTF-8", line, column);
  }
  const parsed = ports.yaml.parse(text);
  const problems = parsed.errors.map((error): Problem => ({
    placed: {
      file,
      line: error.line,
      column: error.column,
      key: error.keyPath === undefined ? "" : formatKeyPath(error.keyPath),
      message: error.keyPath === undefined ? `YAML: ${error.message}` : error.message,
    },
  }));
  return { parsed, problems };
}

interface PresetReference {
  readonly file: string;
  readonly keyPath: KeyPath;
  readonly reference: string;
  readonly chain: readonly string[];
  readonly display: (file: string) => string;
}

/** The file a preset reference names, or why it names none (missing, unknown, extending itself). */
async function locatePreset(
  { ports, boundary, shownRoot, builtIns }: ChainContext,
  { file, keyPath, reference, chain, display }: PresetReference,
): Promise<{ readonly presetFile: string } | { readonly problem: Problem }> {
  const problem = (message: string) => ({ problem: { issue: { file, keyPath, message } } });
  const presetFile = await ports.presets.locate(reference, file);
  if (presetFile === null && isFileReference(reference))
    return problem(`preset file ${quoted(reference)} does not exist`);
  if (presetFile === null) {
    const names = [...builtIns].sort();
    const suggestion = closestName(reference, names);
    const hint = suggestion ? `did you mean ${quoted(suggestion)}? ` : "";
    const known = `built-in presets are ${names.join(", ")}; a file must start with ./ or ../`;
    return problem(`unknown preset ${quoted(reference)}: ${hint}${known}`);
  }
  const builtIn = builtIns.has(reference) && !isFileReference(reference);
  if (!builtIn && !mayRead(await ports.fileSystem.realPath(presetFile), boundary)) {
    return problem(outsideMessage(`extends ${quoted(reference)}`, shownRoot));
  }
  if (chain.includes(presetFile)) {
    return problem(`${quoted(reference)} extends itself through ${[...chain, presetFile].map(display).join(" → ")}`);
  }
  return { presetFile };
}

/** A problem with its file as the user in `cwd` would type it, and its line and column. */
function placed(problem: Problem, parsed: ReadonlyMap<string, ParsedYaml>, cwd: string): ConfigurationIssue {
  if ("placed" in problem) return { ...problem.placed, file: displayPath(cwd, problem.placed.file) };
  if ("refused" in problem) return { ...problem.refused, file: displayPath(cwd, problem.refused.file) };
  const { issue } = problem;
  const position = parsed.get(issue.file)?.locate(issue.keyPath, issue.atKey) ?? null;
  return {
    file: displayPath(cwd, issue.file),
    line: position?.line ?? null,
    column: position?.column ?? null,
    key: formatKeyPath(issue.keyPath),
    message: issue.message,
  };
}

async function missingPaths(
  { ports, boundary, shownRoot }: ChainContext,
  rootDir: string,
  map: LayerMap,
  files: readonly SourcedLayerMapFile[],
): Promise<MapIssue[]> {
  const issues: MapIssue[] = [];
  const setBy = (key: "include" | "tsconfig") =>
    [...files].reverse().find((file) => file.content[key] !== undefined)?.file;
  for (const [index, entry] of map.include.entries()) {
    if (!(await ports.fileSystem.exists(join(rootDir, entry)))) {
      issues.push({
        file: setBy("include") ?? files[files.length - 1]!.file,
        keyPath: ["include", index],
        message: `include path ${quoted(entry)} does not exist`,
      });
    } else if (
      !boundary.allowOutside &&
      !isInsideRepository(await ports.fileSystem.realPath(join(rootDir, entry)), boundary.root)
    ) {
      issues.push({
        file: setBy("include") ?? files[files.length - 1]!.file,
        keyPath: ["include", index],
        message: outsideMessage(`include path ${quoted(entry)} (a symbolic link)`, shownRoot),
      });
    }
  }
  const tsconfigFile = setBy("tsconfig");
  if (
    tsconfigFile !== undefined &&
    map.tsconfig !== null &&
    !(await ports.fileSystem.exists(join(rootDir, map.tsconfig)))
  ) {
    issues.push({
      file: tsconfigFile,
      keyPath: ["tsconfig"],
      message: `tsconfig ${quoted(map.tsconfig)} does not exist`,
    });
  } else if (
    tsconfigFile !== undefined &&
    map.tsconfig !== null &&
    !mayRead(await ports.fileSystem.realPath(join(rootDir, map.tsconfig)), boundary)
  ) {
    issues.push({
      file: tsconfigFile,
      keyPath: ["tsconfig"],
      message: outsideMessage(`tsconfig ${quoted(map.tsconfig)}`, shownRoot),
    });
  }
  return issues;
}

function sameKey(a: MapIssue, b: MapIssue): boolean {
  return a.file === b.file && formatKeyPath(a.keyPath) === formatKeyPath(b.keyPath);
}

function isFileReference(reference: string): boolean {
  return reference.startsWith("./") || reference.startsWith("../") || reference.startsWith("/");
}

/** Paths as a user in `cwd` would type them. */
export function displayPath(cwd: string, file: string): string {
  const relativePath = relative(cwd, file);
  const shown = relativePath === "" || relativePath.startsWith("..") ? file : relativePath;
  return shown.split(sep).join("/");
}
