import type { LayerClassifier } from "../classify/layer-classifier.js";
import { CYCLE_RULE } from "../compile/compile-rules.js";
import { createCycleFinder } from "../graph/cycle-finder.js";
import type { GraphModule } from "../graph/module-graph.js";
import type { CyclesPolicy, TypeOnlyImportsPolicy } from "../map/layer-map.js";
import type { UnlocatedViolation } from "./find-violations.js";
import { compareText } from "./violation.js";
import { violationId } from "./violation-id.js";
import { namedFiles, said } from "../message-words.js";
import { defined } from "../collections/defined.js";

export interface CycleSearch {
  /** Every module the extractor reached: loops may pass through modules that are not checked. */
  readonly graph: readonly GraphModule[];
  /** The modules whose imports are judged. */
  readonly checked: readonly GraphModule[];
  readonly classifier: LayerClassifier;
  readonly severity: CyclesPolicy;
  readonly typeOnlyImports: TypeOnlyImportsPolicy;
}

/**
 * One violation per import cycle, however many of its imports close it: the loop is rotated to start at
 * its smallest path, so every member reports the same cycle. The loops are the ones dependency-cruiser's
 * `circular` rule of the ejected configuration finds; with `typeOnlyImports: allow`, a loop with a
 * type-only import in it is none.
 */
export function findCycleViolations({
  graph,
  checked,
  classifier,
  severity,
  typeOnlyImports,
}: CycleSearch): UnlocatedViolation[] {
  if (severity === "off") return [];
  const cycleThrough = createCycleFinder(graph);
  const bySource = new Map(checked.map((module) => [module.source, module]));
  const loops = new Map<string, readonly string[]>();
  for (const module of checked) {
    for (const target of new Set(module.dependencies.map((dependency) => dependency.resolved))) {
      const steps = cycleThrough(module.source, target);
      if (steps.length === 0) continue;
      if (typeOnlyImports === "allow" && steps.some((step) => step.dependencyTypes.includes("type-only"))) continue;
      const loop = canonicalLoop([module.source, ...steps.slice(0, -1).map((step) => step.name)]);
      loops.set(loop.join("\u0000"), loop);
    }
  }
  return [...loops.values()].map((members): UnlocatedViolation => {
    const [from, to] = [defined(members[0], "the start of the loop"), defined(members[1], "the next module")];
    const edges = (bySource.get(from)?.dependencies ?? []).filter((dependency) => dependency.resolved === to);
    const specifiers = [...new Set(edges.map((dependency) => dependency.specifier))].sort(compareText);
    const cycle = [...members, from];
    const loop = cycle.join(" → ");
    const layers = [...new Set(members.map((member) => classifier.layerOf(member) ?? "(unassigned)"))];
    const crossed = layers.length === 1 ? `inside layer ${layers[0]}` : `crossing layers ${layers.join(", ")}`;
    return {
      id: violationId("cycle", from, loop),
      kind: "cycle",
      severity,
      rule: CYCLE_RULE,
      from,
      to,
      fromLayer: classifier.layerOf(from),
      toLayer: classifier.layerOf(to),
      specifier: specifiers[0] ?? null,
      specifiers,
      dependencyTypes: [...new Set(edges.flatMap((dependency) => dependency.dependencyTypes))].sort(compareText),
      ...said`import cycle of ${members.length} modules: ${namedFiles(cycle, " → ")} (${crossed})`,
      fix: "break the loop: move what both sides need into a module they can both import, or invert one import through an interface",
      cycle,
    };
  });
}

function canonicalLoop(members: readonly string[]): string[] {
  const start = members.indexOf(
    members.reduce((smallest, member) => (compareText(member, smallest) < 0 ? member : smallest)),
  );
  return [...members.slice(start), ...members.slice(0, start)];
}
