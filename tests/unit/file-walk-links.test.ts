import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createNodeFileSystem } from "../../src/adapters/file-system/node-file-system.js";
import { createProject, removeProject } from "../hostile/temporary-project.js";

const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));

describe("the file walk and symbolic links", () => {
  it("lists a link to a file (inside or outside the folder, or to a device) like a file; never enters a link to a folder; skips dangling and looping links", async () => {
    const outside = createProject({ "real.ts": "export const x = 1;\n" });
    const root = createProject({ "src/a.ts": "export const a = 1;\n", "lib/real.ts": "export const r = 1;\n" });
    projects.push(outside, root);
    mkdirSync(join(root, "src/links"));
    symlinkSync("../../lib/real.ts", join(root, "src/links/inside.ts"));
    symlinkSync(join(outside, "real.ts"), join(root, "src/links/outside.ts"));
    symlinkSync("/dev/zero", join(root, "src/links/zero.ts"));
    symlinkSync("../../lib", join(root, "src/links/folder"));
    symlinkSync("..", join(root, "src/links/up"));
    symlinkSync("missing.ts", join(root, "src/links/dangling.ts"));
    symlinkSync("loop-b.ts", join(root, "src/links/loop-a.ts"));
    symlinkSync("loop-a.ts", join(root, "src/links/loop-b.ts"));
    expect(await createNodeFileSystem().listFiles(root, ["src"])).toEqual([
      "src/a.ts",
      "src/links/inside.ts",
      "src/links/outside.ts",
      "src/links/zero.ts",
    ]);
  });
});
