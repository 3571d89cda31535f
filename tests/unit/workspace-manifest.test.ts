import { describe, expect, it } from "vitest";
import {
  npmWorkspacePatterns,
  pnpmWorkspacePatterns,
  sourceEntryCandidates,
} from "../../src/domain/workspaces/workspace-manifest.js";

describe("workspace manifests", () => {
  it("read npm's and yarn's workspaces, pnpm's packages, and nothing else", () => {
    expect(npmWorkspacePatterns({ workspaces: ["packages/*", "apps/web"] })).toEqual(["packages/*", "apps/web"]);
    expect(npmWorkspacePatterns({ workspaces: { packages: ["libs/*"], nohoist: ["x"] } })).toEqual(["libs/*"]);
    expect(npmWorkspacePatterns({ name: "app" })).toBeNull();
    expect(npmWorkspacePatterns("not a manifest")).toBeNull();
    expect(pnpmWorkspacePatterns({ packages: ["packages/**", "!**/test/**"] })).toEqual(["packages/**", "!**/test/**"]);
    expect(pnpmWorkspacePatterns({ catalog: {} })).toBeNull();
  });

  it("look for a package's source where its manifest points, build folders read as src, then src/index", () => {
    expect(sourceEntryCandidates({ source: "src/lib.ts", main: "dist/lib.js" })).toEqual([
      "src/lib.ts",
      "src/lib.tsx",
      "src/index.ts",
      "src/index.tsx",
    ]);
    expect(
      sourceEntryCandidates({ exports: { ".": { types: "./dist/index.d.ts", import: "./dist/index.mjs" } } }),
    ).toEqual(["src/index.ts", "src/index.tsx"]);
    expect(sourceEntryCandidates({ exports: "./src/main.ts" })).toEqual([
      "src/main.ts",
      "src/index.ts",
      "src/index.tsx",
    ]);
    expect(sourceEntryCandidates({ main: "lib/server.cjs", module: "build/esm/server.mjs" })).toEqual([
      "src/esm/server.ts",
      "src/esm/server.tsx",
      "src/server.ts",
      "src/server.tsx",
      "src/index.ts",
      "src/index.tsx",
    ]);
    expect(sourceEntryCandidates(null)).toEqual(["src/index.ts", "src/index.tsx"]);
  });
});
