import { escapeGlob } from "../glob/escape-glob.js";
import {
  DOMAIN_FOLDERS,
  ENTRY_FILES,
  PROGRAM_FILES,
  SHARED_KERNEL_FOLDERS,
  folderKey,
  roleOfFolder,
  roleSuffixOf,
  type Role,
} from "./vocabulary.js";
import { defined } from "../collections/defined.js";

/** Why init puts a file in a layer: the glob that says so, written for the map. */
export interface Placement {
  readonly role: Role;
  /** `src/**\/useCases/**`, `src/**\/*.controller.ts`, or the file itself for an entry file. */
  readonly glob: string;
  /** What decided: a folder, a suffix, or an entry file at a source root. */
  readonly by: "folder" | "suffix" | "entry";
}

/**
 * Where a file belongs by the vocabulary. A shared-kernel folder directly in the root (`src/shared`) wins over
 * everything inside it. A domain folder wins over every suffix (a DDD aggregate
 * `domain/user.entity.ts` is domain, not persistence), unless a folder above it names another layer
 * (`application/event-handlers/domain/` holds handlers of domain events); then the file's suffix; then a
 * program file (`server.ts`, `main.ts`, `app.ts`) anywhere; then the deepest folder with a known name; then an
 * entry file (`index.ts`, `container.ts`) directly in a source root. `root` is
 * the source root the file is under (`src`, or "" for the project's folder); `contextAt` the index (in
 * the segments after the root) of the segment naming the file's context, written `*` in globs, or null.
 */
export function placeByVocabulary(file: string, root: string, contextAt: number | null): Placement | null {
  const inRoot = root === "" ? file : file.slice(root.length + 1);
  const segments = inRoot.split("/");
  const name = defined(segments.pop(), "the file name");
  const contextDepth = contextAt === null ? 0 : contextAt + 1;
  const prefix = [
    escapeGlob(root),
    ...segments.slice(0, contextDepth).map((segment, index) => (index === contextAt ? "*" : escapeGlob(segment))),
  ]
    .filter((part) => part !== "")
    .join("/");
  const anywhere = (tail: string): string => (prefix === "" ? `**/${tail}` : `${prefix}/**/${tail}`);

  const kernel = segments[0];
  if (contextAt === null && kernel !== undefined && SHARED_KERNEL_FOLDERS.has(folderKey(kernel)))
    return {
      role: "shared",
      glob: [escapeGlob(root), escapeGlob(kernel), "**"].filter((part) => part !== "").join("/"),
      by: "folder",
    };

  const domainAt = segments.findIndex(
    (segment, index) => index >= contextDepth && DOMAIN_FOLDERS.has(folderKey(segment)),
  );
  const insideAnotherLayer = segments
    .slice(contextDepth, Math.max(domainAt, contextDepth))
    .some((segment) => !["domain", "shared", null].includes(roleOfFolder(segment)));
  const domainFolder = segments[domainAt];
  if (domainFolder !== undefined && !insideAnotherLayer)
    return { role: "domain", glob: anywhere(`${escapeGlob(domainFolder)}/**`), by: "folder" };

  const suffix = roleSuffixOf(name);
  if (suffix !== null) return { role: suffix.role, glob: anywhere(suffix.glob), by: "suffix" };

  const stem = name.replace(/\.[cm]?[jt]sx?$/, "");
  if (PROGRAM_FILES.has(stem.toLowerCase()))
    return {
      role: "composition",
      glob: segments.length === 0 ? escapeGlob(file) : anywhere(escapeGlob(name)),
      by: "entry",
    };

  for (let index = segments.length - 1; index >= contextDepth; index -= 1) {
    const folder = defined(segments[index], "a folder of the path");
    const role = roleOfFolder(folder);
    if (role === "domain" && insideAnotherLayer) continue;
    if (role !== null) return { role, glob: anywhere(`${escapeGlob(folder)}/**`), by: "folder" };
  }
  if (segments.length === 0 && ENTRY_FILES.has(stem.toLowerCase()))
    return { role: "composition", glob: escapeGlob(file), by: "entry" };
  return null;
}
