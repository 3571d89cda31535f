import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLayerClassifier } from "../../src/domain/classify/layer-classifier.js";
import type { GraphModule } from "../../src/domain/graph/module-graph.js";
import { createCycleMemo, findCycleViolations } from "../../src/domain/violations/find-cycle-violations.js";

const SIZE = 7;
const moduleName = (index: number) => `src/${index % 2 === 0 ? "a" : "b"}/m${index}.ts`;
const classifier = createLayerClassifier([
  { name: "a", paths: ["src/a/**"], mayImport: [] },
  { name: "b", paths: ["src/b/**"], mayImport: ["a"] },
] as never);

function moduleOf(index: number, targets: readonly { to: number; typeOnly: boolean }[]): GraphModule {
  return {
    source: moduleName(index),
    dependencies: targets.map(({ to, typeOnly }) => ({
      specifier: `./m${to}`,
      resolved: moduleName(to),
      target: "local",
      typeOnly,
      dependencyTypes: typeOnly ? ["import", "type-only"] : ["import"],
      brokenRules: [],
    })),
  };
}

const imports = fc.array(fc.record({ to: fc.integer({ min: 0, max: SIZE - 1 }), typeOnly: fc.boolean() }), {
  maxLength: 3,
});

/** One change a session sees: a module's imports rewritten, a module gone or back, a module checked or not, the order shuffled. */
const change = fc.oneof(
  fc.record({ kind: fc.constant("imports" as const), index: fc.nat(SIZE - 1), imports }),
  fc.record({ kind: fc.constant("presence" as const), index: fc.nat(SIZE - 1) }),
  fc.record({ kind: fc.constant("checked" as const), index: fc.nat(SIZE - 1) }),
  fc.record({ kind: fc.constant("reorder" as const), seed: fc.nat() }),
);

describe("the cycle search with a memo, over any sequence of changes to the graph", () => {
  it("finds what a search without one finds, in the same order", () => {
    fc.assert(
      fc.property(
        fc.array(imports, { minLength: SIZE, maxLength: SIZE }),
        fc.array(change, { minLength: 1, maxLength: 12 }),
        fc.constantFrom("warn" as const, "error" as const),
        fc.constantFrom("check" as const, "allow" as const),
        (initial, changes, severity, typeOnlyImports) => {
          let modules = initial.map((targets, index) => moduleOf(index, targets));
          const present = new Set(modules.map((module) => module.source));
          const unchecked = new Set<string>();
          const memo = createCycleMemo();
          for (const step of changes) {
            if (step.kind === "imports") {
              const source = moduleName(step.index);
              modules = modules.map((module) =>
                module.source === source ? moduleOf(step.index, step.imports) : module,
              );
            } else if (step.kind === "presence") {
              const source = moduleName(step.index);
              if (!present.delete(source)) present.add(source);
            } else if (step.kind === "checked") {
              const source = moduleName(step.index);
              if (!unchecked.delete(source)) unchecked.add(source);
            } else {
              const rotation = step.seed % modules.length;
              modules = [...modules.slice(rotation), ...modules.slice(0, rotation)];
            }
            const graph = modules.filter((module) => present.has(module.source));
            const search = {
              graph,
              checked: graph.filter((module) => !unchecked.has(module.source)),
              classifier,
              severity,
              typeOnlyImports,
            };
            expect(findCycleViolations(search, memo)).toEqual(findCycleViolations(search));
          }
        },
      ),
      { numRuns: 600, seed: 14 },
    );
  });
});
