import { dirname, join, relative, sep } from "node:path";
import { ConfigurationError, type ConfigurationIssue } from "../domain/errors.js";
import { closestName } from "../domain/map/closest-name.js";
import type { LayerMap } from "../domain/map/layer-map.js";
import { formatKeyPath, type MapIssue } from "../domain/map/map-issue.js";
import { parseLayerMapFile } from "../domain/map/parse-layer-map-file.js";
import { mergeLayerMaps, type SourcedLayerMapFile } from "../domain/map/merge-layer-maps.js";
import { validateLayerMap } from "../domain/map/validate-layer-map.js";
import type { CheckPorts, ParsedYaml } from "./ports.js";

export interface LoadedLayerMap {
  readonly map: LayerMap;
  /** Absolute path of the user's map file. */
  readonly mapFile: string;
  /** The map's folder: globs, include and report paths are relative to it. */
  readonly rootDir: string;
}

type LoadPorts = Pick<CheckPorts, "fileSystem" | "yaml" | "presets">;

export const MAX_MAP_BYTES = 1024 * 1024;
/** What Node's UTF-8 decoder puts in place of bytes that are not UTF-8. */
const REPLACEMENT_CHARACTER = "\uFFFD";

/** Reads the map and its presets, validates all of it, and lists every problem at once. */
export async function loadLayerMap(ports: LoadPorts, mapFile: string, cwd: string): Promise<LoadedLayerMap> {
  const rootDir = dirname(mapFile);
  const display = (file: string) => displayPath(cwd, file);
  const parsedFiles = new Map<string, ParsedYaml>();
  const issues: ConfigurationIssue[] = [];
  const presets: string[] = [];

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
    const bytes = await ports.fileSystem.fileSize(file);
    if (bytes === null) {
      // A pipe or a device (/dev/zero) would be read forever.
      issues.push({
        file: display(file),
        line: null,
        column: null,
        key: "",
        message: "not a regular file: name a layers.yaml file",
      });
      return [];
    }
    if (bytes > MAX_MAP_BYTES) {
      issues.push({
        file: display(file),
        line: null,
        column: null,
        key: "",
        message: `the file is ${bytes} bytes, over the ${MAX_MAP_BYTES}-byte (1 MiB) limit for a layer map: is it the right file?`,
      });
      return [];
    }
    const text = await ports.fileSystem.readText(file);
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
      for (const issue of result.issues) issues.push(toIssue(issue));
      return [];
    }
    const content = result.content;
    const references = content.extends === undefined ? [] : [content.extends].flat();
    const loaded: SourcedLayerMapFile[] = [];
    for (const [index, reference] of references.entries()) {
      const keyPath = typeof content.extends === "string" ? ["extends"] : ["extends", index];
      const presetFile = await ports.presets.locate(reference, file);
      if (presetFile === null && isFileReference(reference)) {
        issues.push(toIssue({ file, keyPath, message: `preset file "${reference}" does not exist` }));
        continue;
      }
      if (presetFile === null) {
        const builtIns = await ports.presets.builtInNames();
        const suggestion = closestName(reference, builtIns);
        const hint = suggestion ? `did you mean "${suggestion}"? ` : "";
        issues.push(
          toIssue({
            file,
            keyPath,
            message: `unknown preset "${reference}": ${hint}built-in presets are ${builtIns.join(", ")}; a file must start with ./ or ../`,
          }),
        );
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
      loaded.push(...(await loadChain(presetFile, [...chain, presetFile])));
    }
    return [...loaded, { file, content }];
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

  const missing = await missingPaths(ports, rootDir, validation.map, files);
  if (missing.length > 0) throw new ConfigurationError(missing.map(toIssue));
  return { map: validation.map, mapFile, rootDir };
}

async function missingPaths(
  ports: LoadPorts,
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
        message: `include path "${entry}" does not exist`,
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
