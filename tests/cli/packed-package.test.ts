import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturePath, REPO_ROOT } from "../helpers/run-built-cli.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

describe("the published package", () => {
  it("installs from its tarball into a fresh project, where npx layerlint check works as documented", () => {
    const work = mkdtempSync(join(tmpdir(), "layerlint-pack-"));
    const tarball = execFileSync(npm, ["pack", "--silent", "--ignore-scripts", "--pack-destination", work], {
      cwd: REPO_ROOT,
      encoding: "utf8",
    })
      .trim()
      .split("\n")
      .pop() as string;

    const project = join(work, "project");
    cpSync(fixturePath("small-backend"), project, { recursive: true });
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify({ name: "user-project", private: true, type: "module" }),
    );
    execFileSync(npm, ["install", "--no-audit", "--no-fund", "--prefer-offline", join(work, tarball)], {
      cwd: project,
      stdio: "pipe",
    });

    const run = spawnSync("npx", ["--no-install", "layerlint", "check", "--format", "json"], {
      cwd: project,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { violations: { rule: string; from: string }[] };
    expect(report.violations.map((violation) => `${violation.rule} ${violation.from}`)).toEqual([
      "transport-may-not-import-persistence src/http/users-route.ts",
      "domain-may-not-use-unlisted-packages src/domain/user.ts",
      "no-unassigned-files src/main.ts",
    ]);

    const help = spawnSync("npx", ["--no-install", "layerlint", "--help"], { cwd: project, encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("check");
  }, 240_000);
});
