import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nodeFileSystem } from "../../src/adapters/file-system/node-file-system.js";
import { yamlReader } from "../../src/adapters/yaml/yaml-reader.js";
import { findWorkspaceMaps } from "../../src/application/find-workspace-maps.js";
import { createProject, removeProject } from "../hostile/temporary-project.js";

const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));

describe("check --workspaces where the root package.json is not JSON", () => {
  it("says the file is why no workspace was found, with its position", async () => {
    const root = createProject({
      ".git/HEAD": "ref: refs/heads/main\n",
      "package.json": '{ "name": "root", "workspaces": ["packages/*"], }\n',
      "packages/a/package.json": '{ "name": "a" }\n',
      "packages/a/layers.yaml": "version: 1\nlayers:\n  a: { paths: [src/**] }\n",
    });
    projects.push(root);
    const error = await findWorkspaceMaps({ fileSystem: nodeFileSystem, yaml: yamlReader }, root).catch(
      (thrown: unknown) => thrown,
    );
    expect((error as Error).message).toBe(
      `--workspaces: no npm, pnpm or yarn workspace with packages holds ${root}: run it at the monorepo root; ${join(root, "package.json")}:1:49 is not valid JSON, so its workspaces are not read`,
    );
  });
});
