import { escapeGlob } from "./escape-glob.js";
import { DOMAIN_FOLDERS, ENTRY_FILES, folderKey, roleOfFolder, roleSuffixOf, type Role } from "./vocabulary.js";

/** Why init puts a file in a layer: the glob that says so, written for the map. */
export interface Placement {
  readonly role: Role;
  /** `src/**\/useCases/**`, `src/**\/*.controller.ts`, or the file itself for an entry file. */
  readonly glob: string;
  /** What decided: a folder, a suffix, or an entry file at a source root. */
  readonly by: "folder" | "suffix" | "entry";
}

/**
 * Where a file belongs by the vocabulary. A domain folder wins over every suffix (a DDD aggregate
 * `domain/user.entity.ts` is domain, not persistence); then the file's suffix; then the deepest folder
 * with a known name; then an entry file (`main.ts`, `server.ts`) directly in a source root. `root` is
 * the source root the file is under (`src`, or "" for the project's folder); `contextAt` the index (in
 * the segments after the root) of the segment naming the file's context, written `*` in globs, or null.
 */
export function placeByVocabulary(file: string, root: string, contextAt: number | null): Placement | null {
  const inRoot = root === "" ? file : file.slice(root.length + 1);
  const segments = inRoot.split("/");
  const name = segments.pop() as string;
  const contextDepth = contextAt === null ? 0 : contextAt + 1;
  const prefix = [
    escapeGlob(root),
    ...segments.slice(0, contextDepth).map((segment, index) => (index === contextAt ? "*" : escapeGlob(segment))),
  ]
    .filter((part) => part !== "")
    .join("/");
  const anywhere = (tail: string): string => (prefix === "" ? `**/${tail}` : `${prefix}/**/${tail}`);

  const domainAt = segments.findIndex(
    (segment, index) => index >= contextDepth && DOMAIN_FOLDERS.has(folderKey(segment)),
  );
  if (domainAt >= 0)
    return { role: "domain", glob: anywhere(`${escapeGlob(segments[domainAt] as string)}/**`), by: "folder" };

  const suffix = roleSuffixOf(name);
  if (suffix !== null) return { role: suffix.role, glob: anywhere(suffix.glob), by: "suffix" };

  for (let index = segments.length - 1; index >= contextDepth; index -= 1) {
    const role = roleOfFolder(segments[index] as string);
    if (role !== null) return { role, glob: anywhere(`${escapeGlob(segments[index] as string)}/**`), by: "folder" };
  }
  const stem = name.replace(/\.[cm]?[jt]sx?$/, "");
  if (segments.length === 0 && ENTRY_FILES.has(stem.toLowerCase()))
    return { role: "composition", glob: escapeGlob(file), by: "entry" };
  return null;
}
