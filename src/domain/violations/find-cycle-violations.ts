import type { LayerClassifier } from "../classify/layer-classifier.js";
import { CYCLE_RULE } from "../compile/compile-rules.js";
import { createCycleFinder } from "../graph/cycle-finder.js";
import { componentsOf } from "../graph/strongly-connected.js";
import type { GraphModule } from "../graph/module-graph.js";
import type { CyclesPolicy, TypeOnlyImportsPolicy } from "../map/layer-map.js";
import type { UnlocatedViolation } from "./find-violations.js";
import { compareText } from "./violation.js";
import { cycleId } from "./violation-id.js";
import { namedFiles, said } from "../message-words.js";
import { plural } from "../plural.js";
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
 * What one search of a strongly connected component found, kept while the component is the same: the
 * same modules (the same objects, so the same imports) and the same of them checked, in the same order.
 */
interface ComponentLoops {
  readonly members: ReadonlyMap<string, GraphModule>;
  /** The checked members in the order they were searched from. */
  readonly checked: readonly GraphModule[];
  /** Per checked member, the violations of the loops first found from it, in the order found. */
  readonly foundFrom: ReadonlyMap<string, readonly UnlocatedViolation[]>;
}

/**
 * Remembers each component's loops between searches, for a long-lived session (the editor): a component
 * none of whose modules changed is not searched again. Valid for one map's layers and cycle options.
 */
export interface CycleMemo {
  settings: string;
  byMember: Map<string, ComponentLoops>;
}

export function createCycleMemo(): CycleMemo {
  return { settings: "", byMember: new Map() };
}

/** One loop a search found: its modules from its smallest path on (not closed), and its violation's id. */
export interface FoundLoop {
  readonly members: readonly string[];
  readonly id: string;
}

/** The loops of cycle violations, in their order: what a search of the same imports finds again. */
export function foundLoops(violations: readonly UnlocatedViolation[]): FoundLoop[] {
  return violations.map((violation) => ({
    members: defined(violation.cycle, "the loop of a cycle violation").slice(0, -1),
    id: violation.id,
  }));
}

/**
 * One violation per import cycle, however many of its imports close it: the loop is rotated to start at
 * its smallest path, so every member reports the same cycle. The loops are the ones dependency-cruiser's
 * `circular` rule of the ejected configuration finds; with `typeOnlyImports: allow`, a loop with a
 * type-only import in it is none. A loop never leaves its strongly connected component, so each component
 * is searched alone, and with a memo only the components that changed since the last search. Given the loops
 * an earlier search of the same imports found (`recalled`), it builds their violations without searching.
 */
export function findCycleViolations(
  search: CycleSearch,
  memo: CycleMemo = createCycleMemo(),
  recalled?: readonly FoundLoop[],
): UnlocatedViolation[] {
  const { graph, checked, severity } = search;
  if (severity === "off") return [];
  if (recalled !== undefined) return violationsOfLoops(recalled, search, severity);
  forgetOnNewSettings(memo, search);
  const components = loopComponents(graph, checked);
  const remembered = components.map((component) => rememberedLoops(memo, component));
  const stale = components.filter((_, index) => remembered[index] === undefined);
  // One finder over every component searched again: a loop never leaves its component.
  const cycleThrough = createCycleFinder(stale.flatMap((component) => [...component.members.values()]));
  const searched = components.map(
    (component, index) =>
      remembered[index] ?? searchComponent(component.members, component.checked, cycleThrough, search, severity),
  );
  memo.byMember.clear();
  for (const loops of searched) memo.byMember.set(firstChecked(loops), loops);
  const foundFrom = new Map(searched.flatMap((loops) => [...loops.foundFrom]));
  return checked.flatMap((module) => foundFrom.get(module.source) ?? []);
}

/**
 * The violations of loops an earlier search of the same imports found (see FoundLoop), without searching:
 * the memo is left as it was.
 */
function violationsOfLoops(
  loops: readonly FoundLoop[],
  { checked, classifier }: CycleSearch,
  severity: Exclude<CyclesPolicy, "off">,
): UnlocatedViolation[] {
  const checkedBySource = new Map(checked.map((module) => [module.source, module]));
  return loops.map((loop) => cycleViolation(loop.members, checkedBySource, classifier, severity, loop.id));
}

/** A strongly connected component with a loop in it and at least one checked member. */
interface LoopComponent {
  readonly members: ReadonlyMap<string, GraphModule>;
  /** The checked members, in the order they are checked. */
  readonly checked: readonly GraphModule[];
}

/** The components a loop can be in, in the order of their first checked member. */
function loopComponents(graph: readonly GraphModule[], checked: readonly GraphModule[]): LoopComponent[] {
  const component = componentsOf(graph);
  const sizes = new Map<number, number>();
  for (const id of component.values()) sizes.set(id, (sizes.get(id) ?? 0) + 1);
  const membersOf = new Map<number, Map<string, GraphModule>>();
  for (const module of graph) {
    const id = defined(component.get(module.source), "the component of a module of the graph");
    // A module alone in its component is on a loop only when it imports itself.
    const alone = sizes.get(id) === 1;
    if (alone && !module.dependencies.some((dependency) => dependency.resolved === module.source)) continue;
    const members = membersOf.get(id) ?? new Map<string, GraphModule>();
    members.set(module.source, module);
    membersOf.set(id, members);
  }
  const checkedOf = new Map<number, GraphModule[]>();
  for (const module of checked) {
    const id = component.get(module.source);
    if (id === undefined || !membersOf.has(id)) continue;
    const list = checkedOf.get(id) ?? [];
    list.push(module);
    checkedOf.set(id, list);
  }
  return [...checkedOf].map(([id, list]) => ({
    members: defined(membersOf.get(id), "the members of a component with a checked member"),
    checked: list,
  }));
}

function firstChecked(component: Pick<LoopComponent, "checked">): string {
  return defined(component.checked[0], "a checked member of the component").source;
}

function rememberedLoops(memo: CycleMemo, component: LoopComponent): ComponentLoops | undefined {
  const remembered = memo.byMember.get(firstChecked(component));
  return remembered !== undefined && sameComponent(remembered, component.members, component.checked)
    ? remembered
    : undefined;
}

/** A memo holds for one map's layers and cycle options: another's empties it. */
function forgetOnNewSettings(memo: CycleMemo, { classifier, severity, typeOnlyImports }: CycleSearch): void {
  const settings = JSON.stringify([
    classifier.matchers.map((matcher) => [matcher.name, matcher.regex]),
    severity,
    typeOnlyImports,
  ]);
  if (memo.settings === settings) return;
  memo.settings = settings;
  memo.byMember.clear();
}

function sameComponent(
  remembered: ComponentLoops,
  members: ReadonlyMap<string, GraphModule>,
  checked: readonly GraphModule[],
): boolean {
  if (remembered.members.size !== members.size || remembered.checked.length !== checked.length) return false;
  for (const [source, module] of members) if (remembered.members.get(source) !== module) return false;
  return checked.every((module, index) => remembered.checked[index] === module);
}

function searchComponent(
  members: ReadonlyMap<string, GraphModule>,
  checked: readonly GraphModule[],
  cycleThrough: ReturnType<typeof createCycleFinder>,
  { classifier, typeOnlyImports }: CycleSearch,
  severity: Exclude<CyclesPolicy, "off">,
): ComponentLoops {
  const foundFrom = new Map<string, UnlocatedViolation[]>();
  const checkedBySource = new Map(checked.map((module) => [module.source, module]));
  const seen = new Set<string>();
  for (const module of checked) {
    for (const target of new Set(module.dependencies.map((dependency) => dependency.resolved))) {
      if (!members.has(target)) continue;
      const steps = cycleThrough(module.source, target);
      if (steps.length === 0) continue;
      if (typeOnlyImports === "allow" && steps.some((step) => step.dependencyTypes.includes("type-only"))) continue;
      const loop = canonicalLoop([module.source, ...steps.slice(0, -1).map((step) => step.name)]);
      const key = loop.join("\u0000");
      if (seen.has(key)) continue;
      seen.add(key);
      const list = foundFrom.get(module.source) ?? [];
      list.push(cycleViolation(loop, checkedBySource, classifier, severity));
      foundFrom.set(module.source, list);
    }
  }
  return { members, checked, foundFrom };
}

function cycleViolation(
  members: readonly string[],
  checked: ReadonlyMap<string, GraphModule>,
  classifier: LayerClassifier,
  severity: Exclude<CyclesPolicy, "off">,
  id?: string,
): UnlocatedViolation {
  const from = defined(members[0], "the start of the loop");
  const cycle = [...members, from];
  // A module importing itself is a loop of one: the import closing it leads back to it.
  const to = defined(cycle[1], "the module after the start of the loop");
  const edges = (checked.get(from)?.dependencies ?? []).filter((dependency) => dependency.resolved === to);
  const specifiers = [...new Set(edges.map((dependency) => dependency.specifier))].sort(compareText);
  const layers = [...new Set(members.map((member) => classifier.layerOf(member) ?? "(unassigned)"))];
  const crossed = layers.length === 1 ? `inside layer ${layers[0]}` : `crossing layers ${layers.join(", ")}`;
  return {
    id: id ?? cycleId(cycle),
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
    ...said`import cycle of ${plural(members.length, "module")}: ${namedFiles(cycle, " → ")} (${crossed})`,
    fix:
      "break the loop: move what both sides need into a module they can both import, " +
      "or invert one import through an interface",
    cycle,
  };
}

function canonicalLoop(members: readonly string[]): string[] {
  const start = members.indexOf(
    members.reduce((smallest, member) => (compareText(member, smallest) < 0 ? member : smallest)),
  );
  return [...members.slice(start), ...members.slice(0, start)];
}
