import { dirname, relative, isAbsolute, sep } from "node:path";
import { LayerlintError } from "../domain/errors.js";
import { findLayerMap } from "./find-layer-map.js";
import { findWorkspaceMaps } from "./find-workspace-maps.js";
import type { WorkspacePorts } from "./find-workspace-packages.js";

/**
 * The maps an editor's workspace folder holds, sorted: the one `config` names when given; otherwise the map
 * `check` finds from the folder (here or in a parent) and the own map of every workspace package inside the
 * folder, as `check --workspaces` finds them. `LL-NO-MAP` (the `check`'s words) when there is none.
 */
export async function findEditorMaps(
  ports: WorkspacePorts,
  folder: string,
  config: string | undefined,
): Promise<readonly string[]> {
  if (config !== undefined) return [await findLayerMap(ports.fileSystem, folder, config)];
  const maps = new Set<string>();
  let noMap: unknown = null;
  try {
    maps.add(await findLayerMap(ports.fileSystem, folder, undefined));
  } catch (error) {
    if (!isNoMap(error)) throw error;
    noMap = error;
  }
  try {
    for (const map of (await findWorkspaceMaps(ports, folder)).maps) if (isInside(folder, map)) maps.add(map);
  } catch (error) {
    if (!isNoMap(error)) throw error;
  }
  if (maps.size === 0) throw noMap;
  return [...maps].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The map whose folder holds `path` most closely (a package's map before the root's); null when none does. */
export function owningMap(maps: readonly string[], path: string): string | null {
  let owner: string | null = null;
  for (const map of maps)
    if (isInside(dirname(map), path) && (owner === null || dirname(map).length > dirname(owner).length)) owner = map;
  return owner;
}

/** Whether `path` is `folder` or lies under it. */
export function isInside(folder: string, path: string): boolean {
  const fromFolder = relative(folder, path);
  return fromFolder === "" || (!isAbsolute(fromFolder) && fromFolder !== ".." && !fromFolder.startsWith(`..${sep}`));
}

function isNoMap(error: unknown): boolean {
  return error instanceof LayerlintError && error.code === "LL-NO-MAP";
}
