import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCycleFinder } from "../../src/domain/graph/cycle-finder.js";
import type { GraphModule } from "../../src/domain/graph/module-graph.js";
import { REPO_ROOT } from "../helpers/run-built-cli.js";

interface DependencyCruiserGraph {
  getCycle(from: string, to: string): { name: string; dependencyTypes: string[] }[];
}
// The oracle is dependency-cruiser's own cycle search, the one its `circular` rule runs (internal, so by path).
const { default: IndexedModuleGraph } = (await import(
  pathToFileURL(join(REPO_ROOT, "node_modules/dependency-cruiser/src/graph-utl/indexed-module-graph.mjs")).href
)) as {
  default: new (modules: unknown[], attribute: string) => DependencyCruiserGraph;
};

const PACKAGE = "node_modules/pkg/index.js";
const moduleName = (index: number) => `src/m${index}.ts`;

/** Random graphs: up to 9 modules, imports between them (self-imports and repeats included) and of a package. */
const graphs = fc
  .integer({ min: 1, max: 9 })
  .chain((size) =>
    fc.array(
      fc.array(fc.record({ to: fc.integer({ min: -1, max: size - 1 }), typeOnly: fc.boolean() }), { maxLength: 4 }),
      { minLength: size, maxLength: size },
    ),
  );

function toModules(imports: { to: number; typeOnly: boolean }[][]): GraphModule[] {
  return imports.map((edges, index) => ({
    source: moduleName(index),
    dependencies: edges.map(({ to, typeOnly }) => {
      const resolved = to < 0 ? PACKAGE : moduleName(to);
      return {
        specifier: resolved,
        resolved,
        target: to < 0 ? "package" : "local",
        typeOnly,
        dependencyTypes: typeOnly ? ["type-only", "import"] : ["local", "import"],
        brokenRules: [],
      };
    }),
  }));
}

describe("the cycle finder", () => {
  it("names, for every import, exactly the loop dependency-cruiser's circular rule names (or none when it finds none)", () => {
    fc.assert(
      fc.property(graphs, (imports) => {
        const modules = toModules(imports);
        const oracle = new IndexedModuleGraph([...modules, { source: PACKAGE, dependencies: [] }], "source");
        const ours = createCycleFinder(modules);
        for (const module of modules) {
          for (const dependency of module.dependencies) {
            expect(ours(module.source, dependency.resolved)).toEqual(
              oracle.getCycle(module.source, dependency.resolved),
            );
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("finds a loop through thousands of modules without overflowing the stack", () => {
    const size = 20_000;
    const modules = toModules(
      Array.from({ length: size }, (_, index) => [{ to: (index + 1) % size, typeOnly: false }]),
    );
    expect(createCycleFinder(modules)(moduleName(0), moduleName(1))).toHaveLength(size);
  });
});
