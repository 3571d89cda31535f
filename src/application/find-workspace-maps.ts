import { LayerlintError } from "../domain/errors.js";
import { findOwnLayerMap } from "./find-layer-map.js";
import { discoverWorkspace, type MalformedManifest, type WorkspacePorts } from "./find-workspace-packages.js";

export interface WorkspaceMaps {
  /** The workspace packages with a map of their own, in folder order: absolute map files. */
  readonly maps: readonly string[];
  /** The workspace packages without one, in folder order: absolute folders. */
  readonly unmapped: readonly string[];
}

/**
 * Each package of the workspace that holds `folder`, sorted by where it is, with the map in its own folder
 * if it has one; `LL-NO-MAP` when there is no workspace, or no package of it has a map.
 */
export async function findWorkspaceMaps(ports: WorkspacePorts, folder: string): Promise<WorkspaceMaps> {
  const discovered = await discoverWorkspace(ports, folder);
  const folders = discovered.packages.map((found) => found.folder).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (folders.length === 0) {
    const unreadManifests = discovered.malformed.map(unread).join("");
    throw noMap(
      `no npm, pnpm or yarn workspace with packages holds ${folder}: run it at the monorepo root${unreadManifests}`,
    );
  }
  const maps: string[] = [];
  const unmapped: string[] = [];
  for (const packageFolder of folders) {
    const map = await findOwnLayerMap(ports.fileSystem, packageFolder);
    if (map === null) unmapped.push(packageFolder);
    else maps.push(map);
  }
  const none =
    folders.length === 1
      ? "the one workspace package has no layers.yaml of its own"
      : `none of the ${folders.length} workspace packages has a layers.yaml of its own`;
  if (maps.length === 0)
    throw noMap(
      `${none}: write one in a package (\`layerlint init\` there), or check with a root map without --workspaces`,
    );
  return { maps, unmapped };
}

/** One line: there is no map file to point at. */
function noMap(message: string): LayerlintError {
  return new LayerlintError("LL-NO-MAP", "configuration", `--workspaces: ${message}`);
}

/** A package.json passed over because it is not JSON: it may be the one that declares the workspace. */
function unread({ file, line, column }: MalformedManifest): string {
  const at = line === null ? "" : `:${line}:${column ?? 1}`;
  return `; ${file}${at} is not valid JSON, so its workspaces are not read`;
}
