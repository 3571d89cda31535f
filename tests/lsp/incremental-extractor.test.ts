import { describe, expect, it } from "vitest";
import { incrementalExtractor } from "../../src/application/incremental-extractor.js";
import type { DependencyExtractor } from "../../src/application/ports.js";
import type { CruiseOptions } from "../../src/domain/compile/rule-set.js";
import type { GraphModule } from "../../src/domain/graph/module-graph.js";

/** A project as `{ file: [imported files] }`; the fake extractor answers from it and counts its calls. */
function fakeProject(project: Record<string, string[]>) {
  const calls: string[][] = [];
  const module = (source: string): GraphModule => ({
    source,
    dependencies: (project[source] ?? []).map((resolved) => ({
      specifier: `./${resolved}`,
      resolved,
      target: "local" as const,
      typeOnly: false,
      dependencyTypes: ["local"],
      brokenRules: [],
    })),
  });
  const extractor: DependencyExtractor = {
    extract(files, options) {
      calls.push([...files, ...(options.maxDepth === 1 ? ["(one)"] : [])]);
      if (options.maxDepth === 1) return Promise.resolve({ modules: files.map(module) });
      const seen = new Set<string>();
      const pending = [...files];
      while (pending.length > 0) {
        const file = pending.pop() as string;
        if (seen.has(file)) continue;
        seen.add(file);
        pending.push(...(project[file] ?? []));
      }
      return Promise.resolve({ modules: [...seen].sort().map(module) });
    },
  };
  return { extractor, calls };
}

const OPTIONS = { baseDir: "/project" } as unknown as CruiseOptions;

describe("the language server's in-memory graph", () => {
  it("re-extracts only a changed file, drops what it no longer reaches, and falls back to a full extraction when it must", async () => {
    const project: Record<string, string[]> = { "a.ts": ["b.ts"], "b.ts": ["c.ts"], "c.ts": [] };
    const { extractor, calls } = fakeProject(project);
    const graph = incrementalExtractor(extractor);
    const roots = ["a.ts", "b.ts"];
    expect((await graph.extract(roots, OPTIONS)).modules.map((m) => m.source)).toEqual(["a.ts", "b.ts", "c.ts"]);
    expect(await graph.extract(roots, OPTIONS)).toBe(await graph.extract(roots, OPTIONS));
    expect(calls).toEqual([["a.ts", "b.ts"]]);

    project["b.ts"] = [];
    graph.changed(["b.ts"]);
    const patched = await graph.extract(roots, OPTIONS);
    expect(patched.modules.map((m) => m.source)).toEqual(["a.ts", "b.ts"]);
    expect(calls.at(-1)).toEqual(["b.ts", "(one)"]);

    // b.ts now imports a module the graph never reached: only a full extraction knows it.
    project["b.ts"] = ["d.ts"];
    project["d.ts"] = [];
    graph.changed(["b.ts"]);
    expect((await graph.extract(roots, OPTIONS)).modules.map((m) => m.source)).toEqual(["a.ts", "b.ts", "d.ts"]);
    expect(calls.slice(-2)).toEqual([
      ["b.ts", "(one)"],
      ["a.ts", "b.ts"],
    ]);

    // Another set of files (one created) is a full extraction; so is anything after reset().
    await graph.extract([...roots, "d.ts"], OPTIONS);
    expect(calls.at(-1)).toEqual(["a.ts", "b.ts", "d.ts"]);
    graph.reset();
    await graph.extract([...roots, "d.ts"], OPTIONS);
    expect(calls.at(-1)).toEqual(["a.ts", "b.ts", "d.ts"]);
    expect(calls).toHaveLength(6);
  });
});
