import type { MapPointer } from "../domain/diagnostics/diagnostic.js";
import type { MapLocation } from "../domain/diagnostics/doctor-report.js";
import { ConfigurationError } from "../domain/errors.js";
import type { SourcedLayerMapFile } from "../domain/map/merge-layer-maps.js";
import { parseLayerMapFile } from "../domain/map/parse-layer-map-file.js";
import { displayPath, type LoadedLayerMap } from "./load-layer-map.js";
import type { CheckPorts, ParsedYaml } from "./ports.js";

export interface MapSources {
  /** The files of the extends chain, presets first, the user's map last. */
  readonly sources: readonly SourcedLayerMapFile[];
  locate: (pointer: MapPointer) => MapLocation;
}

type SourcePorts = Pick<CheckPorts, "fileSystem" | "yaml" | "presets">;

/**
 * Reads the map's files again, keeping each one's YAML positions, so diagnostics and explanations can
 * name the line that says something. The map was validated by loadLayerMap, so every file parses.
 */
export async function readMapSources(ports: SourcePorts, loaded: LoadedLayerMap, cwd: string): Promise<MapSources> {
  const parsed = new Map<string, ParsedYaml>();
  const read = async (file: string): Promise<SourcedLayerMapFile[]> => {
    const yaml = ports.yaml.parse(await ports.fileSystem.readText(file, "map"));
    const result = parseLayerMapFile(file, yaml.value);
    if (!result.ok)
      throw new ConfigurationError([
        {
          file: displayPath(cwd, file),
          line: null,
          column: null,
          key: "",
          message: "the file changed while layerlint read it",
        },
      ]);
    parsed.set(file, yaml);
    const references = result.content.extends === undefined ? [] : [result.content.extends].flat();
    const presets: SourcedLayerMapFile[] = [];
    for (const reference of references) {
      const presetFile = await ports.presets.locate(reference, file);
      if (presetFile !== null && !parsed.has(presetFile)) presets.push(...(await read(presetFile)));
    }
    return [...presets, { file, content: result.content }];
  };
  const sources = await read(loaded.mapFile);
  return {
    sources,
    locate(pointer) {
      const position = parsed.get(pointer.file)?.locate(pointer.keyPath, pointer.atKey) ?? null;
      return { file: displayPath(cwd, pointer.file), line: position?.line ?? null, column: position?.column ?? null };
    },
  };
}
