import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { nodeFileSystem } from "../../src/adapters/file-system/node-file-system.js";
import { presetLocator } from "../../src/adapters/presets/preset-locator.js";
import { yamlReader } from "../../src/adapters/yaml/yaml-reader.js";
import { loadLayerMap } from "../../src/application/load-layer-map.js";
import { ConfigurationError, formatIssue } from "../../src/domain/errors.js";
import { createProject, removeProject } from "./temporary-project.js";

/** A named pipe (made by mkfifo, a process) as the layer map: refused before it is read, as reading would never end. */

const ports = { fileSystem: nodeFileSystem, yaml: yamlReader, presets: presetLocator };
const root = createProject({ "src/a.ts": "" });
afterAll(() => removeProject(root));

it("a named pipe as the map is refused before it is read", async () => {
  expect(spawnSync("mkfifo", [join(root, "pipe.yaml")]).status).toBe(0);
  const error = await loadLayerMap(ports, join(root, "pipe.yaml"), root).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ConfigurationError);
  expect((error as ConfigurationError).issues.map(formatIssue)).toEqual([
    "pipe.yaml: not a regular file (a named pipe): layerlint reads only regular files, so a layer map must be one",
  ]);
});
