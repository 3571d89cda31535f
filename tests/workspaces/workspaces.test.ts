import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findWorkspacePackages, workspaceAliases } from "../../src/application/find-workspace-packages.js";
import { defaultPorts } from "../../src/cli/default-ports.js";
import { fixturePath } from "../helpers/run-built-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { copyFixtureInProcess } from "../helpers/temp-fixture.js";

const FIXTURE = fixturePath("workspaces");

interface Report {
  summary: { modules: number; unresolved: number };
  violations: { rule: string; from: string; to: string; specifier: string; line: number }[];
  warnings: { code: string; message: string }[];
}

const checkJson = async (cwd: string): Promise<{ status: number | null; report: Report }> => {
  const run = await runInProcess(["check", "--format", "json"], cwd);
  return { status: run.status, report: JSON.parse(run.stdout) as Report };
};
const brief = (report: Report) =>
  report.violations.map(({ rule, from, to, specifier, line }) => ({ rule, from, to, specifier, line }));

describe("npm workspaces", () => {
  it("a root map: a workspace package imported by name, or a path inside it, resolves to its source and obeys the layers", async () => {
    const { status, report } = await checkJson(FIXTURE);
    expect(status).toBe(1);
    expect(brief(report)).toEqual([
      {
        rule: "http-may-not-import-domain",
        from: "packages/api/src/http/orders-route.ts",
        to: "packages/core/src/index.ts",
        specifier: "@acme/core",
        line: 1,
      },
      {
        rule: "http-may-not-import-shared",
        from: "packages/api/src/http/orders-route.ts",
        to: "packages/shared/src/money.ts",
        specifier: "@acme/shared/src/money.js",
        line: 2,
      },
    ]);
    // app → @acme/core and app → @acme/shared (its `source` field) resolved and allowed; @acme/tools is no workspace package.
    expect(report.summary.unresolved).toBe(1);
    expect(report.warnings).toEqual([
      {
        code: "unresolved-import",
        file: "packages/api/src/http/orders-route.ts",
        message: 'packages/api/src/http/orders-route.ts imports "@acme/tools", which cannot be resolved',
      },
    ]);
  });

  it("a package's own map: the other workspace packages are packages, counted by name against its allow-lists", async () => {
    const { status, report } = await checkJson(join(FIXTURE, "packages/api"));
    expect(status).toBe(1);
    expect(brief(report)).toEqual([
      {
        rule: "http-may-not-use-uninstalled-packages",
        from: "src/http/orders-route.ts",
        to: "@acme/core",
        specifier: "@acme/core",
        line: 1,
      },
      {
        rule: "http-may-not-use-uninstalled-packages",
        from: "src/http/orders-route.ts",
        to: "@acme/tools",
        specifier: "@acme/tools",
        line: 4,
      },
    ]);
  });

  it("finds the workspace's packages and their source entries, leaving out what a negated pattern removes", async () => {
    const packages = await findWorkspacePackages(defaultPorts(), join(FIXTURE, "packages/api"));
    expect(packages.map((found) => [found.name, found.sourceEntry?.slice(FIXTURE.length) ?? null])).toEqual([
      ["@acme/api", "packages/api/src/app/place-order.ts"],
      ["@acme/core", "packages/core/src/index.ts"],
      ["@acme/shared", "packages/shared/src/lib.ts"],
    ]);
    expect(Object.keys(workspaceAliases(packages, join(FIXTURE, "packages/api")))).toEqual(["@acme/api$", "@acme/api"]);
    expect(Object.keys(workspaceAliases(packages, FIXTURE))).toEqual([
      "@acme/api$",
      "@acme/api",
      "@acme/core$",
      "@acme/core",
      "@acme/shared$",
      "@acme/shared",
    ]);
  });

  it("the Turborepo recipe caches the check on everything layerlint reads: the package's files, its map, tsconfig and manifest, and the root map", () => {
    const turbo = JSON.parse(readFileSync(join(FIXTURE, "turbo.json"), "utf8")) as {
      globalDependencies: string[];
      tasks: Record<string, { inputs: string[]; outputs: string[] }>;
    };
    const task = turbo.tasks["check:architecture"];
    expect(task?.inputs).toEqual(
      expect.arrayContaining(["$TURBO_DEFAULT$", "layers.yaml", "tsconfig.json", "package.json"]),
    );
    expect(task?.outputs).toEqual([]);
    expect(turbo.globalDependencies).toEqual(expect.arrayContaining(["layers.yaml"]));
    const api = JSON.parse(readFileSync(join(FIXTURE, "packages/api/package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(api.scripts["check:architecture"]).toBe("layerlint check");
  });
});

describe("a malformed package.json", () => {
  const broken = '{\n  "name": "workspaces-fixture",\n  "workspaces": ["packages/*", "!packages/tools"],\n}\n';

  it("is a warning naming the file, line and column, not silently no workspaces; counted by --max-warnings", async () => {
    const project = copyFixtureInProcess("workspaces");
    try {
      project.write("package.json", broken);
      const { status, report } = await project.checkJson();
      // Without its workspaces, @acme/core is an unresolved import: warnings only.
      expect(status).toBe(0);
      expect(report.warnings).toContainEqual({
        code: "malformed-package-json",
        file: "package.json",
        message:
          'package.json:4:1: not valid JSON (expected a property name in double quotes, found "}"): its workspaces and package name are not read, so imports of workspace packages resolve as if it declared none',
      });
      const strict = await project.run("check", "--max-warnings", "1");
      expect(strict.stdout).toMatch(/warnings? exceeds? --max-warnings 1/);
    } finally {
      project.remove();
    }
  });

  it("above the map's folder: named from the map's folder, with no file field", async () => {
    const project = copyFixtureInProcess("workspaces");
    try {
      project.write("package.json", broken);
      const run = await runInProcess(["check", "--format", "json"], join(project.dir, "packages/api"));
      const report = JSON.parse(run.stdout) as Report;
      expect(report.warnings.filter((warning) => warning.code === "malformed-package-json")).toEqual([
        {
          code: "malformed-package-json",
          message: expect.stringMatching(/^\.\.\/\.\.\/package\.json:4:1: not valid JSON \(/),
        },
      ]);
    } finally {
      project.remove();
    }
  });
});
