import { describe, expect, it } from "vitest";
import { runInProcess } from "./helpers/run-in-process.js";
import { fixturePath } from "./helpers/run-built-cli.js";

// small-backend checked from tests/fixtures (--config small-backend/layers.yaml) and from its src/ folder.
const fixtures = fixturePath(".");
const subfolder = fixturePath("small-backend/src");

function lines(text: string): string[] {
  return text.split("\n");
}

describe("paths relative to the current folder in human formats (issue 15)", () => {
  it("check's text prints every module path from where it ran, so it opens from there", async () => {
    const { status, stdout } = await runInProcess(["check", "--config", "small-backend/layers.yaml"], fixtures);
    expect(status).toBe(1);
    expect(lines(stdout)).toEqual(
      expect.arrayContaining([
        '  small-backend/src/http/users-route.ts:2:1  "../db/user-repository.js"  transport → persistence (small-backend/src/db/user-repository.ts)  layer-96994ad2aa5f',
        '  small-backend/src/domain/user.ts:1:1  "zod"  domain → package zod  package-79a9316b4175',
        "  small-backend/src/main.ts  no layer claims src/main.ts  unassigned-3a82e5ed2b4f",
      ]),
    );
  });

  it("check's text from a subfolder climbs out to the map's folder", async () => {
    const { stdout } = await runInProcess(["check", "--config", "../layers.yaml"], subfolder);
    expect(lines(stdout)).toContain(
      '  ../src/http/users-route.ts:2:1  "../db/user-repository.js"  transport → persistence (../src/db/user-repository.ts)  layer-96994ad2aa5f',
    );
  });

  it("json keeps map-relative paths and github the path from the current folder", async () => {
    const json = await runInProcess(["check", "--format", "json", "--config", "small-backend/layers.yaml"], fixtures);
    const report = JSON.parse(json.stdout) as { violations: { from: string; to: string }[] };
    expect(report.violations[0]).toMatchObject({ from: "src/http/users-route.ts", to: "src/db/user-repository.ts" });
    const github = await runInProcess(
      ["check", "--format", "github", "--config", "small-backend/layers.yaml"],
      fixtures,
    );
    expect(github.stdout).toContain("file=small-backend/src/http/users-route.ts,line=2,col=1");
  });

  it("explain takes the path exactly as check printed it and prints it back the same way", async () => {
    const { status, stdout } = await runInProcess(
      ["explain", "small-backend/src/http/users-route.ts", "--config", "small-backend/layers.yaml"],
      fixtures,
    );
    expect(status).toBe(0);
    expect(lines(stdout).slice(0, 2)).toEqual([
      "small-backend/src/http/users-route.ts",
      '  layer: transport, by the glob "src/http/**" (small-backend/layers.yaml:5:13)',
    ]);
    expect(lines(stdout)).toContain(
      '    FAIL 2:1  "../db/user-repository.js" → small-backend/src/db/user-repository.ts (persistence)',
    );
    expect(lines(stdout)).toContain('    ok   1:1  "express" → express');
  });

  it("explain from a subfolder takes the path relative to the map's folder or to the current folder", async () => {
    for (const file of ["src/http/users-route.ts", "../src/http/users-route.ts", "http/users-route.ts"]) {
      const { status, stdout } = await runInProcess(["explain", file, "--config", "../layers.yaml"], subfolder);
      expect(status).toBe(0);
      expect(lines(stdout)[0]).toBe("http/users-route.ts");
    }
  });

  it("explain names a path that is a file in neither folder as a usage error", async () => {
    const { status, stderr } = await runInProcess(["explain", "nope.ts", "--config", "../layers.yaml"], subfolder);
    expect(status).toBe(2);
    expect(stderr).toContain("nope.ts is not a file");
  });

  it("graph --focus takes a file path relative to the current folder", async () => {
    const args = ["graph", "--level", "module", "--config", "small-backend/layers.yaml", "--focus"];
    const { status, stdout } = await runInProcess([...args, "small-backend/src/main.ts"], fixtures);
    expect(status).toBe(0);
    expect(lines(stdout)).toContain('    n0["src/main.ts"]');
    const mapRelative = await runInProcess([...args, "src/main.ts"], fixtures);
    expect(mapRelative.stdout).toBe(stdout);
  });
});
