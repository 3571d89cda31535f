import { dirname, join, relative, sep } from "node:path";
import { ConfigurationError, UnreadableInputError, type ConfigurationIssue } from "../domain/errors.js";
import { closestName } from "../domain/map/closest-name.js";
import type { LayerMap } from "../domain/map/layer-map.js";
import { formatKeyPath, type MapIssue } from "../domain/map/map-issue.js";
import { parseLayerMapFile } from "../domain/map/parse-layer-map-file.js";
import { mergeLayerMaps, type SourcedLayerMapFile } from "../domain/map/merge-layer-maps.js";
import { validateLayerMap } from "../domain/map/validate-layer-map.js";
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

/** What Node's UTF-8 decoder puts in place of bytes that are not UTF-8. */
const REPLACEMENT_CHARACTER = "\uFFFD";

/** Reads the map and its presets, validates all of it, and lists every problem at once. */
export async function loadLayerMap(ports: LoadPorts, mapFile: string, cwd: string): Promise<LoadedLayerMap> {
  const rootDir = dirname(mapFile);
  const display = (file: string) => displayPath(cwd, file);
  const parsedFiles = new Map<string, ParsedYaml>();
  const issues: ConfigurationIssue[] = [];
  const presets: string[] = [];
  const boundary: ReadBoundary = {
    root: await findRepositoryRoot(ports.fileSystem, rootDir),
    allowOutside: ports.readPolicy?.allowOutside ?? false,
  };
  const shownRoot = relative(cwd, boundary.root) || ".";
  const builtIns = new Set(await ports.presets.builtInNames());

  const toIssue = (issue: MapIssue): ConfigurationIssue => {
    const position = parsedFiles.get(issue.file)?.locate(issue.keyPath, issue.atKey) ?? null;
    return {
      file: display(issue.file),
      line: position?.line ?? null,
      column: position?.column ?? null,
      key: formatKeyPath(issue.keyPath),
      message: issue.message,
    };
  };

  const loadChain = async (file: string, chain: readonly string[]): Promise<SourcedLayerMapFile[]> => {
    const found = issues.length;
    const loaded = await loadFile(file, chain);
    // A file outside the repository (an installed preset, or allowed) is named, never quoted: its lines may be secrets.
    if (issues.length > found && !isInsideRepository(await ports.fileSystem.realPath(file), boundary.root)) {
      const count = issues.length - found;
      issues.splice(found, count, {
        file: display(file),
        line: null,
        column: null,
        key: "",
        message: `not a valid layer map (${count === 1 ? "1 problem" : `${count} problems`}); it lies outside the repository, so nothing of it is quoted`,
      });
    }
    return loaded;
  };

  const loadFile = async (file: string, chain: readonly string[]): Promise<SourcedLayerMapFile[]> => {
    let text: string;
    try {
      text = await ports.fileSystem.readText(file, "map");
    } catch (error) {
      if (!(error instanceof UnreadableInputError)) throw error;
      issues.push({ file: display(file), line: null, column: null, key: "", message: error.reason });
      return [];
    }
    const undecodable = text.indexOf(REPLACEMENT_CHARACTER);
    if (undecodable !== -1) {
      const before = text.slice(0, undecodable).split("\n");
      const line = before.length;
      const column = (before[line - 1] as string).length + 1;
      issues.push({
        file: display(file),
        line,
        column,
        key: "",
        message: "the file is not valid UTF-8 (or holds U+FFFD): save it as UTF-8",
      });
      return [];
    }
    const parsed = ports.yaml.parse(text);
    parsedFiles.set(file, parsed);
    if (parsed.errors.length > 0) {
      for (const error of parsed.errors)
        issues.push({
          file: display(file),
          line: error.line,
          column: error.column,
          key: "",
          message: `YAML: ${error.message}`,
        });
      return [];
    }
    const result = parseLayerMapFile(file, parsed.value);
    if (!result.ok) {
      issues.push(...result.issues.map(toIssue));
      return [];
    }
    const content = result.content;
    const references = content.extends === undefined ? [] : [content.extends].flat();
    const extended: SourcedLayerMapFile[] = [];
    for (const [index, reference] of references.entries()) {
      const keyPath = typeof content.extends === "string" ? ["extends"] : ["extends", index];
      const presetFile = await ports.presets.locate(reference, file);
      if (presetFile === null && isFileReference(reference)) {
        issues.push(toIssue({ file, keyPath, message: `preset file "${reference}" does not exist` }));
        continue;
      }
      if (presetFile === null) {
        const names = [...builtIns].sort();
        const suggestion = closestName(reference, names);
        const hint = suggestion ? `did you mean "${suggestion}"? ` : "";
        issues.push(
          toIssue({
            file,
            keyPath,
            message: `unknown preset "${reference}": ${hint}built-in presets are ${names.join(", ")}; a file must start with ./ or ../`,
          }),
        );
        continue;
      }
      const builtIn = builtIns.has(reference) && !isFileReference(reference);
      if (!builtIn && !mayRead(await ports.fileSystem.realPath(presetFile), boundary)) {
        issues.push(toIssue({ file, keyPath, message: outsideMessage(`extends "${reference}"`, shownRoot) }));
        continue;
      }
      if (chain.includes(presetFile)) {
        issues.push(
          toIssue({
            file,
            keyPath,
            message: `"${reference}" extends itself through ${[...chain, presetFile].map(display).join(" → ")}`,
          }),
        );
        continue;
      }
      if (file === mapFile) presets.push(reference);
      extended.push(...(await loadChain(presetFile, [...chain, presetFile])));
    }
    return [...extended, { file, content }];
  };

  const files = await loadChain(mapFile, [mapFile]);
  if (issues.length > 0) throw new ConfigurationError(issues);

  const hasSrc = await ports.fileSystem.isDirectory(join(rootDir, "src"));
  const hasTsconfig = await ports.fileSystem.exists(join(rootDir, "tsconfig.json"));
  const validation = validateLayerMap(mergeLayerMaps(files), {
    mapFile,
    defaultInclude: hasSrc ? ["src"] : ["."],
    defaultTsconfig: hasTsconfig ? "tsconfig.json" : null,
    presets,
  });
  if (!validation.ok) throw new ConfigurationError(validation.issues.map(toIssue));

  const missing = await missingPaths(ports, rootDir, validation.map, files, boundary, shownRoot);
  if (missing.length > 0) throw new ConfigurationError(missing.map(toIssue));
  return { map: validation.map, mapFile, rootDir, boundary };
}

async function missingPaths(
  ports: LoadPorts,
  rootDir: string,
  map: LayerMap,
  files: readonly SourcedLayerMapFile[],
  boundary: ReadBoundary,
  shownRoot: string,
): Promise<MapIssue[]> {
  const issues: MapIssue[] = [];
  const setBy = (key: "include" | "tsconfig") =>
    [...files].reverse().find((file) => file.content[key] !== undefined)?.file;
  for (const [index, entry] of map.include.entries()) {
    if (!(await ports.fileSystem.exists(join(rootDir, entry)))) {
      issues.push({
        file: setBy("include") ?? files[files.length - 1]!.file,
        keyPath: ["include", index],
        message: `include path "${entry}" does not exist`,
      });
    } else if (
      !boundary.allowOutside &&
      !isInsideRepository(await ports.fileSystem.realPath(join(rootDir, entry)), boundary.root)
    ) {
      issues.push({
        file: setBy("include") ?? files[files.length - 1]!.file,
        keyPath: ["include", index],
        message: outsideMessage(`include path "${entry}" (a symbolic link)`, shownRoot),
      });
    }
  }
  const tsconfigFile = setBy("tsconfig");
  if (
    tsconfigFile !== undefined &&
    map.tsconfig !== null &&
    !(await ports.fileSystem.exists(join(rootDir, map.tsconfig)))
  ) {
    issues.push({ file: tsconfigFile, keyPath: ["tsconfig"], message: `tsconfig "${map.tsconfig}" does not exist` });
  } else if (
    tsconfigFile !== undefined &&
    map.tsconfig !== null &&
    !mayRead(await ports.fileSystem.realPath(join(rootDir, map.tsconfig)), boundary)
  ) {
    issues.push({
      file: tsconfigFile,
      keyPath: ["tsconfig"],
      message: outsideMessage(`tsconfig "${map.tsconfig}"`, shownRoot),
    });
  }
  return issues;
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
