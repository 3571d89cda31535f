import { dirname, join, resolve } from "node:path";
import { ConfigurationError } from "../domain/errors.js";
import type { FileSystem } from "./ports.js";

export const MAP_FILE_NAMES = ["layers.yaml", "layers.yml"] as const;

/**
 * `--config` when given; otherwise layers.yaml (or layers.yml) in `cwd`, then in each parent folder
 * up to the repository root (the first folder holding .git).
 */
export async function findLayerMap(
  fileSystem: FileSystem,
  cwd: string,
  configPath: string | undefined,
): Promise<string> {
  if (configPath !== undefined) {
    const absolute = resolve(cwd, configPath);
    if (!(await fileSystem.exists(absolute)) || (await fileSystem.isDirectory(absolute))) {
      throw new ConfigurationError(
        [{ file: configPath, line: null, column: null, key: "", message: "no such layer map file" }],
        "LL-NO-MAP",
      );
    }
    return absolute;
  }
  let folder = resolve(cwd);
  for (;;) {
    const found = await findOwnLayerMap(fileSystem, folder);
    if (found !== null) return found;
    const parent = dirname(folder);
    if (parent === folder || (await fileSystem.exists(join(folder, ".git")))) break;
    folder = parent;
  }
  throw new ConfigurationError(
    [
      {
        file: resolve(cwd),
        line: null,
        column: null,
        key: "",
        message:
          "no layers.yaml found here or in any parent folder up to the repository root: " +
          "run `layerlint init` to write one from the folder layout, copy layers.example.yaml, or pass --config FILE",
      },
    ],
    "LL-NO-MAP",
  );
}

/** layers.yaml (or layers.yml) in `folder` itself, not above it; null when it has none. */
export async function findOwnLayerMap(fileSystem: FileSystem, folder: string): Promise<string | null> {
  for (const name of MAP_FILE_NAMES) {
    const candidate = join(folder, name);
    if (await fileSystem.exists(candidate)) return candidate;
  }
  return null;
}
