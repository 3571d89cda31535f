import { join } from "node:path";
import { compileGlobList } from "../domain/glob/compile-glob.js";
import { isSourceFile } from "../domain/graph/source-files.js";
import type { LayerMap } from "../domain/map/layer-map.js";
import { INPUT_LIMITS } from "./input-limits.js";
import { mapConcurrently } from "./map-concurrently.js";
import type { FileSystem } from "./ports.js";

/** Source files larger than this are generated or bundled, not written: skipped, never parsed. */
export const MAX_SOURCE_BYTES = INPUT_LIMITS.source;

export interface OversizedFile {
  readonly file: string;
  readonly bytes: number;
}

export interface FileSelection {
  /** Source files under include that exclude does not remove, relative to the map's folder. */
  readonly checked: readonly string[];
  readonly excluded: readonly string[];
  /** Source files not excluded but larger than MAX_SOURCE_BYTES: not checked, each named in a warning. */
  readonly oversized: readonly OversizedFile[];
  /**
   * Source file names that are not regular files (named pipes, sockets, devices): never read, each named in a warning.
   */
  readonly special: readonly string[];
}

export async function selectFiles(fileSystem: FileSystem, rootDir: string, map: LayerMap): Promise<FileSelection> {
  const sources = (await fileSystem.listFiles(rootDir, map.include)).filter(isSourceFile);
  const exclude = compileGlobList(map.exclude).map((compiled) => new RegExp(compiled.regex));
  const excluded: string[] = [];
  const candidates: string[] = [];
  for (const file of sources) (exclude.some((pattern) => pattern.test(file)) ? excluded : candidates).push(file);
  // null: a named pipe, a socket or a device. A file deleted since the listing is left for the cruise to name.
  const sizes = await mapConcurrently(candidates, 128, async (file) => {
    const path = join(rootDir, file);
    return (await fileSystem.fileSize(path)) ?? ((await fileSystem.exists(path)) ? null : 0);
  });
  const checked: string[] = [];
  const oversized: OversizedFile[] = [];
  const special: string[] = [];
  candidates.forEach((file, index) => {
    const bytes = sizes[index] ?? null;
    if (bytes === null) special.push(file);
    else if (bytes > MAX_SOURCE_BYTES) oversized.push({ file, bytes });
    else checked.push(file);
  });
  return { checked, excluded, oversized, special };
}
