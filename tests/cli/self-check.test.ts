import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILT_BIN, REPO_ROOT, runBuiltCli } from "../helpers/run-built-cli.js";

describe("layerlint's own layers.yaml", () => {
  it("runs as an executable, as npx runs a project's own bin (the build sets the execute bit tsc leaves off)", () => {
    const run = spawnSync(BUILT_BIN, ["check", "--format", "json"], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
  });

  it("passes on layerlint's source", () => {
    const run = runBuiltCli(["check", "--format", "json"], REPO_ROOT);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).warnings).toEqual([]);
  });

  it("fails when the domain reaches for an adapter or a package, so the self-check can catch a real slip", () => {
    const copy = mkdtempSync(join(tmpdir(), "layerlint-self-"));
    cpSync(join(REPO_ROOT, "src"), join(copy, "src"), { recursive: true });
    cpSync(join(REPO_ROOT, "layers.yaml"), join(copy, "layers.yaml"));
    cpSync(join(REPO_ROOT, "tsconfig.json"), join(copy, "tsconfig.json"));
    writeFileSync(
      join(copy, "src/domain/slip.ts"),
      'import { nodeFileSystem } from "../adapters/file-system/node-file-system.js";\nimport { readFileSync } from "node:fs";\nexport const slip = [nodeFileSystem, readFileSync];\n',
    );
    const report = JSON.parse(runBuiltCli(["check", "--format", "json"], copy).stdout) as {
      violations: { rule: string; from: string; to: string }[];
    };
    expect(report.violations.map(({ rule, from, to }) => `${rule} ${from} ${to}`)).toEqual([
      "domain-may-not-import-adapters src/domain/slip.ts src/adapters/file-system/node-file-system.ts",
      "domain-may-not-use-unlisted-builtins src/domain/slip.ts node:fs",
    ]);
  });
});
