import { describe, expect, it } from "vitest";
import { createLayerClassifier } from "../../src/domain/classify/layer-classifier.js";
import type { GraphModule } from "../../src/domain/graph/module-graph.js";
import { findCycleViolations } from "../../src/domain/violations/find-cycle-violations.js";

const classifier = createLayerClassifier([{ name: "lib", paths: ["src/lib/**"], mayImport: [] }] as never);

const selfImporting: GraphModule = {
  source: "src/lib/loop.ts",
  dependencies: [
    {
      specifier: "./loop.js",
      resolved: "src/lib/loop.ts",
      target: "local",
      typeOnly: false,
      dependencyTypes: ["import", "local"],
      brokenRules: [],
    },
  ],
};

describe("a module that imports itself", () => {
  it("is a loop of one, closed by its import of itself", () => {
    const [violation, ...others] = findCycleViolations({
      graph: [selfImporting],
      checked: [selfImporting],
      classifier,
      severity: "warn",
      typeOnlyImports: "check",
    });
    expect(others).toEqual([]);
    expect(violation).toMatchObject({
      kind: "cycle",
      from: "src/lib/loop.ts",
      to: "src/lib/loop.ts",
      specifier: "./loop.js",
      cycle: ["src/lib/loop.ts", "src/lib/loop.ts"],
      message: "import cycle of 1 module: src/lib/loop.ts → src/lib/loop.ts (inside layer lib)",
    });
  });
});
