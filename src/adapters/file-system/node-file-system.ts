import { randomBytes } from "node:crypto";
import { readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { FileSystem } from "../../application/ports.js";

const NEVER_ENTERED = new Set(["node_modules", ".git"]);

export const nodeFileSystem: FileSystem = {
  readText: (absolutePath) => readFile(absolutePath, "utf8"),
  exists: async (absolutePath) => (await statOrNull(absolutePath)) !== null,
  isDirectory: async (absolutePath) => (await statOrNull(absolutePath))?.isDirectory() ?? false,
  async listFiles(root, entries) {
    const files = new Set<string>();
    for (const entry of entries) {
      const relative = normalizeEntry(entry);
      const stats = await statOrNull(join(root, relative));
      if (stats?.isDirectory()) {
        await walk(root, relative, files);
      } else if (stats?.isFile()) {
        files.add(relative);
      }
    }
    return [...files].sort();
  },
  async writeTextAtomic(absolutePath, text) {
    const temporary = join(dirname(absolutePath), `.${basename(absolutePath)}.${randomBytes(6).toString("hex")}.tmp`);
    try {
      await writeFile(temporary, text, "utf8");
      await rename(temporary, absolutePath);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  },
};

async function walk(root: string, relativeDir: string, files: Set<string>): Promise<void> {
  const entries = await readdir(join(root, relativeDir), { withFileTypes: true });
  for (const entry of entries) {
    const relative = relativeDir === "" ? entry.name : `${relativeDir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!NEVER_ENTERED.has(entry.name)) await walk(root, relative, files);
    } else if (entry.isFile()) {
      files.add(relative);
    }
  }
}

function normalizeEntry(entry: string): string {
  const trimmed = entry.replace(/^\.\/?/, "").replace(/\/+$/, "");
  return trimmed === "." ? "" : trimmed;
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR") return null;
    throw error;
  }
}
