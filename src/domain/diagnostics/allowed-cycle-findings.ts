import { stronglyConnectedGroups } from "../graph/strongly-connected.js";
import type { LayerMap } from "../map/layer-map.js";
import type { Diagnostic } from "./diagnostic.js";
import type { MapOrigins } from "./map-pointer.js";
import { defined } from "../collections/defined.js";

/**
 * Cycles the map itself allows (A may import B, B may import A; or longer): layers in one cycle can
 * all depend on each other, so they are one layer in practice. One finding per strongly connected group,
 * with its shortest cycle from the group's first layer in map order.
 */
export function allowedCycleFindings(map: LayerMap, origins: MapOrigins): Diagnostic[] {
  const order = map.layers.map((layer) => layer.name);
  const edges = new Map(map.layers.map((layer) => [layer.name, layer.mayImport]));
  return stronglyConnectedGroups(order, (name) => edges.get(name) ?? [])
    .filter((group) => group.length > 1)
    .map((group) => {
      const members = new Set(group);
      const names = order.filter((name) => members.has(name));
      const first = defined(names[0], "a layer of the cycle");
      const cycle = shortestCycle(first, edges, members);
      const second = defined(cycle[1], "the second layer of the cycle");
      const message =
        names.length === 2
          ? `${first} and ${second} may import each other: ${cycle.join(" → ")}`
          : `${names.join(", ")} may import each other in a cycle: ${cycle.join(" → ")}`;
      return {
        code: "allowed-cycle",
        severity: "warning",
        message,
        hint:
          "layers that may import each other are one layer in practice: " +
          "decide which way the dependency goes and remove the allowance against it",
        at: origins.layerKey(first, "mayImport", second),
        files: [],
      } satisfies Diagnostic;
    });
}

/** Breadth-first from start back to start inside the group: start → … → start. */
function shortestCycle(
  start: string,
  edges: ReadonlyMap<string, readonly string[]>,
  members: ReadonlySet<string>,
): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    for (const next of edges.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        for (let step = node; step !== start;) {
          step = defined(previous.get(step), "the layer before one on the way");
          path.unshift(step);
        }
        return [...path, start];
      }
      if (previous.has(next)) continue;
      previous.set(next, node);
      queue.push(next);
    }
  }
  return [start];
}
