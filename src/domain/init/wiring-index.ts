import type { Placement } from "./classify-by-vocabulary.js";
import { escapeGlob } from "../glob/escape-glob.js";
import { roleSuffixOf } from "./vocabulary.js";

/**
 * An `index` file in a folder that holds a controller, and that is not transport itself, wires the folder's
 * pieces together (ddd-forum's `useCases/createUser/index.ts` builds the repository, the use case and its
 * controller): composition, whatever layer its folder names.
 */
export function wiringIndexPlacements(
  files: readonly string[],
  placements: ReadonlyMap<string, Placement>,
): Map<string, Placement> {
  const transportFolders = new Set(
    files.filter((file) => roleSuffixOf(nameOf(file))?.role === "transport").map(folderOf),
  );
  const wiring = new Map<string, Placement>();
  for (const file of files) {
    const placement = placements.get(file);
    const name = nameOf(file);
    if (placement === undefined || placement.role === "transport" || placement.role === "composition") continue;
    if (!/^index\.[cm]?[jt]sx?$/.test(name) || !transportFolders.has(folderOf(file))) continue;
    const glob =
      placement.by === "folder" && placement.glob.endsWith("/**")
        ? `${placement.glob}/${escapeGlob(name)}`
        : escapeGlob(file);
    wiring.set(file, { role: "composition", glob, by: "entry" });
  }
  return wiring;
}

function nameOf(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1);
}

function folderOf(file: string): string {
  return file.slice(0, Math.max(file.lastIndexOf("/"), 0));
}
