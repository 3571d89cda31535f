import { compilePathGlob } from "../domain/glob/compile-glob.js";
import { isSourceFile } from "../domain/graph/source-files.js";
import type { LayerMap } from "../domain/map/layer-map.js";
import type { FileSystem } from "./ports.js";

export interface FileSelection {
  /** Source files under include that exclude does not remove, relative to the map's folder. */
  readonly checked: readonly string[];
  readonly excluded: readonly string[];
}

export async function selectFiles(fileSystem: FileSystem, rootDir: string, map: LayerMap): Promise<FileSelection> {
  const sources = (await fileSystem.listFiles(rootDir, map.include)).filter(isSourceFile);
  const exclude = map.exclude.map((glob) => new RegExp(compilePathGlob(glob)));
  const checked: string[] = [];
  const excluded: string[] = [];
  for (const file of sources) (exclude.some((pattern) => pattern.test(file)) ? excluded : checked).push(file);
  return { checked, excluded };
}
