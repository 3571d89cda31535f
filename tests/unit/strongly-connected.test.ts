import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stronglyConnectedGroups } from "../../src/domain/graph/strongly-connected.js";

/** Reference answer by brute force: two nodes share a group exactly when each reaches the other. */
function groupsByReachability(nodes: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const reach = (from: string): Set<string> => {
    const seen = new Set<string>([from]);
    const queue = [from];
    for (let at = 0; at < queue.length; at++)
      for (const next of edges.get(queue[at] as string) ?? [])
        if (nodes.includes(next) && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
    return seen;
  };
  const reached = new Map(nodes.map((node) => [node, reach(node)]));
  const groups = new Map<string, string[]>();
  for (const node of nodes) {
    const key = nodes.filter((other) => reached.get(node)?.has(other) && reached.get(other)?.has(node)).join(",");
    groups.set(key, [...(groups.get(key) ?? []), node]);
  }
  return [...groups.values()];
}

const sortedGroups = (groups: string[][]) => groups.map((group) => [...group].sort()).sort();

describe("stronglyConnectedGroups", () => {
  it("groups exactly the nodes that reach each other, each group after every group it reaches", () => {
    const graphs = fc
      .integer({ min: 1, max: 8 })
      .chain((size) =>
        fc.array(fc.array(fc.integer({ min: 0, max: size }), { maxLength: 4 }), { minLength: size, maxLength: size }),
      );
    fc.assert(
      fc.property(graphs, (targets) => {
        const nodes = targets.map((_, index) => `n${index}`);
        // Index `size` names a node outside the graph: ignored, as an import of a file not cruised is.
        const edges = new Map(targets.map((list, index) => [`n${index}`, list.map((target) => `n${target}`)]));
        const groups = stronglyConnectedGroups(nodes, (node) => edges.get(node) ?? []);
        expect(sortedGroups(groups)).toEqual(sortedGroups(groupsByReachability(nodes, edges)));
        const position = new Map(groups.flatMap((group, at) => group.map((node) => [node, at] as const)));
        for (const [from, list] of edges)
          for (const to of list)
            if (position.has(to)) expect(position.get(to) as number).toBeLessThanOrEqual(position.get(from) as number);
      }),
      { numRuns: 1000 },
    );
  });

  it("walks a chain and a ring of 100,000 nodes without overflowing the stack", () => {
    const size = 100_000;
    const nodes = Array.from({ length: size }, (_, index) => `n${index}`);
    const chain = stronglyConnectedGroups(nodes, (node) => {
      const next = Number(node.slice(1)) + 1;
      return next < size ? [`n${next}`] : [];
    });
    expect(chain).toHaveLength(size);
    expect(chain[0]).toEqual([`n${size - 1}`]);
    expect(chain.at(-1)).toEqual(["n0"]);
    const ring = stronglyConnectedGroups(nodes, (node) => [`n${(Number(node.slice(1)) + 1) % size}`]);
    expect(ring).toHaveLength(1);
    expect(new Set(ring[0]).size).toBe(size);
  });
});
