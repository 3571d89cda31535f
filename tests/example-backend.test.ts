import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturePath, REPO_ROOT } from "./helpers/run-built-cli.js";
import { runInProcess } from "./helpers/run-in-process.js";

interface Report {
  readonly summary: {
    readonly modules: number;
    readonly excluded: number;
    readonly violations: Record<string, number>;
  };
  readonly violations: readonly Record<string, unknown>[];
  readonly warnings: readonly { readonly code: string; readonly file?: string }[];
}

/** A fresh copy of the fixture with the repo's layers.example.yaml as its layers.yaml, as a user would set it up. */
function exampleProject(): string {
  const project = mkdtempSync(join(tmpdir(), "layerlint-example-"));
  cpSync(fixturePath("example-backend"), project, { recursive: true });
  cpSync(join(REPO_ROOT, "layers.example.yaml"), join(project, "layers.yaml"));
  return project;
}

describe("layers.example.yaml on the example backend", () => {
  it("finds exactly the three deliberate violations and exits 1", async () => {
    const run = await runInProcess(["check", "--format", "json"], exampleProject());
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as Report;

    const fields = ["kind", "rule", "from", "to", "fromLayer", "toLayer", "line", "column", "specifier"];
    const picked = report.violations.map((violation) =>
      Object.fromEntries(fields.map((field) => [field, violation[field]])),
    );
    expect(picked).toEqual([
      {
        kind: "layer",
        rule: "transport-may-not-import-persistence",
        from: "src/http/orders-handler.ts",
        to: "src/persistence/in-memory-order-store.ts",
        fromLayer: "transport",
        toLayer: "persistence",
        line: 4,
        column: 1,
        specifier: "../persistence/in-memory-order-store.js",
      },
      {
        kind: "package",
        rule: "domain-may-not-use-uninstalled-packages",
        from: "src/domain/quantity.ts",
        to: "express",
        fromLayer: "domain",
        toLayer: null,
        line: 1,
        column: 1,
        specifier: "express",
      },
      {
        kind: "unassigned",
        rule: "no-unassigned-files",
        from: "src/utils/slugify.ts",
        to: null,
        fromLayer: null,
        toLayer: null,
        line: null,
        column: null,
        specifier: null,
      },
    ]);
  });

  it("checks every source file but the excluded test, and every layer and glob of the example matches a file", async () => {
    const report = JSON.parse((await runInProcess(["check", "--format", "json"], exampleProject())).stdout) as Report;
    expect(report.summary.modules).toBe(11);
    expect(report.summary.excluded).toBe(1);
    expect(report.summary.violations).toEqual({
      layer: 1,
      package: 1,
      private: 0,
      context: 0,
      unassigned: 1,
      cycle: 0,
      size: 0,
    });
    // The only warnings are the packages a fixture without node_modules cannot resolve.
    expect(report.warnings.map((warning) => `${warning.code} ${warning.file}`)).toEqual([
      "unresolved-import src/contracts/orders.ts",
      "unresolved-import src/domain/quantity.ts",
    ]);
  });
});
