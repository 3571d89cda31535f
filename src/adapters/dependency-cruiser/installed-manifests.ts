import { readdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { mapConcurrently } from "../../application/map-concurrently.js";
import { refuseUnlessReadable } from "../file-system/regular-file-reader.js";

/**
 * The package.json files dependency-cruiser and enhanced-resolve read on their own (the map folder's and
 * its parents', and each installed package's under those folders' node_modules): each one that exists must
 * be a regular file within the manifest limit, or the run stops with an UnreadableInputError naming it.
 */
export async function refuseUnreadableManifests(baseDir: string): Promise<void> {
  const manifests: string[] = [];
  for (let folder = baseDir; ; folder = dirname(folder)) {
    manifests.push(join(folder, "package.json"), ...(await installedManifests(join(folder, "node_modules"))));
    if (dirname(folder) === folder) break;
  }
  await mapConcurrently(manifests, 64, async (path) => {
    const stats = await stat(path).catch(() => null);
    if (stats !== null) refuseUnlessReadable(path, "manifest", stats);
  });
}

async function installedManifests(modules: string): Promise<string[]> {
  const names = (await readdir(modules).catch((): string[] => [])).filter((name) => !name.startsWith("."));
  const found: string[] = [];
  for (const name of names) {
    if (!name.startsWith("@")) {
      found.push(join(modules, name, "package.json"));
      continue;
    }
    const scoped = await readdir(join(modules, name)).catch((): string[] => []);
    found.push(...scoped.map((inner) => join(modules, name, inner, "package.json")));
  }
  return found;
}
