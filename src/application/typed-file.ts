import { relative, resolve, sep } from "node:path";
import type { FileSystem } from "./ports.js";

/**
 * A file path as the user typed it, relative to the current folder or to the map's folder (the current folder
 * first), as a map-relative path with forward slashes; null when neither names an existing file.
 */
export async function mapRelativeFile(
  fileSystem: Pick<FileSystem, "exists" | "isDirectory">,
  where: { readonly cwd: string; readonly rootDir: string },
  typed: string,
): Promise<string | null> {
  for (const base of [where.cwd, where.rootDir]) {
    const absolute = resolve(base, typed);
    if ((await fileSystem.exists(absolute)) && !(await fileSystem.isDirectory(absolute)))
      return relative(where.rootDir, absolute).split(sep).join("/");
  }
  return null;
}
