import { dirname, isAbsolute, join, relative, sep } from "node:path";
import type { FileSystem, ReadBoundary } from "./ports.js";

/** The repository around a map: the nearest folder holding `.git`, else the map's own folder. */
export async function findRepositoryRoot(fileSystem: FileSystem, mapDir: string): Promise<string> {
  for (let folder = mapDir; ; folder = dirname(folder)) {
    if (await fileSystem.exists(join(folder, ".git"))) return folder;
    if (dirname(folder) === folder) return mapDir;
  }
}

/** Whether a file (its real path, links resolved) is inside the repository. */
export function isInsideRepository(realPath: string, root: string): boolean {
  const path = relative(root, realPath);
  return path === "" || (!path.startsWith(`..${sep}`) && path !== ".." && !isAbsolute(path));
}

/** Whether configuration may be read from a file: inside the repository, an installed package, or allowed. */
export function mayRead(realPath: string, boundary: ReadBoundary): boolean {
  return boundary.allowOutside || isInsideRepository(realPath, boundary.root) || isInstalled(realPath, boundary.root);
}

/** Inside a node_modules folder that module resolution from the repository would search (in it or above it). */
function isInstalled(realPath: string, root: string): boolean {
  const parts = realPath.split(sep);
  const index = parts.lastIndexOf("node_modules");
  if (index < 1) return false;
  const owner = parts.slice(0, index).join(sep) || sep;
  return isInsideRepository(root, owner) || isInsideRepository(owner, root);
}

export function outsideMessage(what: string, shownRoot: string): string {
  const readable = "layerlint reads configuration only from the repository or an installed package (node_modules)";
  const override = "pass --allow-outside to read it anyway";
  return `${what} resolves outside the repository (${shownRoot}): refused, ${readable}; ${override}`;
}
