import { readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { PresetLocator } from "../../application/ports.js";
import { nodeFileSystem } from "../file-system/node-file-system.js";

/** The package's own presets/ folder, two levels above dist/adapters/presets/. */
const BUILT_IN_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "presets");

export const presetLocator: PresetLocator = {
  async locate(reference, fromFile) {
    if (reference.startsWith("./") || reference.startsWith("../") || isAbsolute(reference)) {
      const path = resolve(dirname(fromFile), reference);
      return (await nodeFileSystem.exists(path)) ? path : null;
    }
    const builtIn = join(BUILT_IN_DIR, `${reference}.yaml`);
    if (/^[a-z0-9-]+$/.test(reference) && (await nodeFileSystem.exists(builtIn))) return builtIn;
    return resolvePackage(reference, fromFile);
  },
  async builtInNames() {
    const entries = await readdir(BUILT_IN_DIR);
    return entries
      .filter((name) => name.endsWith(".yaml"))
      .map((name) => name.slice(0, -".yaml".length))
      .sort();
  },
};

/** An npm package that ships `layers.yaml` at its root, or a YAML file inside a package. */
function resolvePackage(reference: string, fromFile: string): string | null {
  const require = createRequire(fromFile);
  const candidates = /\.ya?ml$/.test(reference) ? [reference] : [`${reference}/layers.yaml`, `${reference}/layers.yml`];
  for (const candidate of candidates) {
    try {
      return require.resolve(candidate);
    } catch {
      continue;
    }
  }
  return null;
}
