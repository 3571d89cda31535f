import type { GraphDependency, GraphModule } from "../graph/module-graph.js";
import type { ImportedName, ImportedNames, ModuleExports, ReExport } from "./module-exports.js";

/** Where a name imported from a barrel is really defined, and the barrels it passed, in order. */
export interface Attribution {
  readonly definer: string;
  readonly via: readonly string[];
  readonly typeOnly: boolean;
}

export interface BarrelFacts {
  /** Every local module of the cruise, by path: a barrel's re-export specifiers resolve through its dependencies. */
  readonly modules: ReadonlyMap<string, GraphModule>;
  /** What a module exports; undefined when it was not read (then it is neither a barrel nor followed). */
  exportsOf(path: string): ModuleExports | undefined;
}

/**
 * Follows one imported name from a barrel to the module defining it. Null when it cannot be followed
 * (a namespace of a barrel, a re-export of a package or of a file outside the cruise, a name two
 * `export *` provide, a name no re-export provides, a loop of barrels): the barrel then stays the target.
 */
export function attributeName(barrel: string, name: ImportedName, facts: BarrelFacts): Attribution | null {
  const found = follow(barrel, name.name, facts);
  if (found === "absent" || found === null) return null;
  return { ...found, typeOnly: found.typeOnly || name.typeOnly };
}

type Found = Attribution | null | "absent";

/** One barrel being searched for a name: where its search stands, and how its answer reaches the barrel before. */
interface Frame {
  readonly barrel: string;
  readonly name: string;
  /** Set when the name is one re-export's: the barrel's answer is then the next barrel's, marked type-only so. */
  named: { readonly typeOnly: boolean } | null;
  /** The `export *` statements after the one being followed. */
  nextStar: number;
  /** Whether the `export *` being followed is `export type *`. */
  starTypeOnly: boolean;
  readonly candidates: Attribution[];
}

/**
 * Follows the name through barrels with an explicit stack, so a chain of thousands of barrels cannot
 * overflow the call stack; the barrels on the stack are the path (`via`) and the loop guard alike.
 */
function follow(start: string, startName: string, facts: BarrelFacts): Found {
  const frames: Frame[] = [];
  const onStack = new Set<string>();
  const path = () => frames.map((frame) => frame.barrel);
  /** Opens the barrel's search, or answers at once (null) when it cannot be a step of the search. */
  const open = (barrel: string, name: string): boolean => {
    const exports = facts.exportsOf(barrel);
    if (exports === undefined || !exports.barrel || onStack.has(barrel)) return false;
    frames.push({ barrel, name, named: null, nextStar: 0, starTypeOnly: false, candidates: [] });
    onStack.add(barrel);
    return true;
  };
  /** Moves the top frame on; returns its answer when it has one, undefined when it opened another barrel. */
  const step = (frame: Frame): Found | undefined => {
    const exports = facts.exportsOf(frame.barrel) as ModuleExports;
    if (frame.nextStar === 0 && frame.named === null) {
      for (const reExport of exports.reExports) {
        const entry = reExport.names.find((candidate) => candidate.exported === frame.name);
        if (entry === undefined) continue;
        const target = resolve(frame.barrel, reExport.specifier, facts);
        if (target === null) return null;
        const typeOnly = entry.typeOnly || reExport.typeOnly;
        if (facts.exportsOf(target)?.barrel !== true) return { definer: target, via: path(), typeOnly };
        if (entry.imported === "*") return null;
        frame.named = { typeOnly };
        return open(target, entry.imported) ? undefined : null;
      }
      if (frame.name === "default") return "absent";
    }
    const stars = exports.reExports.filter((candidate) => candidate.star);
    while (frame.nextStar < stars.length) {
      const reExport = stars[frame.nextStar++] as ReExport;
      const target = resolve(frame.barrel, reExport.specifier, facts);
      if (target === null) return null;
      const targetExports = facts.exportsOf(target);
      let found: Found;
      if (targetExports?.barrel === true) {
        frame.starTypeOnly = reExport.typeOnly;
        if (open(target, frame.name)) return undefined;
        found = null;
      } else if (targetExports === undefined) found = null;
      else if (targetExports.names.includes(frame.name)) found = { definer: target, via: path(), typeOnly: false };
      else found = targetExports.exportsStar ? null : "absent";
      if (found === null) return null;
      if (found !== "absent") frame.candidates.push(withTypeOnly(found, reExport.typeOnly) as Attribution);
    }
    if (frame.candidates.length === 0) return "absent";
    return frame.candidates.length === 1 ? (frame.candidates[0] ?? null) : null;
  };

  if (!open(start, startName)) return null;
  for (;;) {
    let found = step(frames[frames.length - 1] as Frame);
    while (found !== undefined) {
      onStack.delete((frames.pop() as Frame).barrel);
      const caller = frames[frames.length - 1];
      if (caller === undefined) return found;
      if (caller.named !== null) {
        found = withTypeOnly(found, caller.named.typeOnly);
        continue;
      }
      // The caller was following an `export *`: the answer counts as that statement's.
      if (found === null) continue;
      if (found !== "absent") caller.candidates.push(withTypeOnly(found, caller.starTypeOnly) as Attribution);
      found = undefined;
    }
  }
}

function withTypeOnly(found: Found, typeOnly: boolean): Found {
  return found === null || found === "absent" || !typeOnly ? found : { ...found, typeOnly: true };
}

function resolve(barrel: string, specifier: string, facts: BarrelFacts): string | null {
  const dependency = facts.modules.get(barrel)?.dependencies.find((candidate) => candidate.specifier === specifier);
  return dependency?.target === "local" && facts.modules.has(dependency.resolved) ? dependency.resolved : null;
}

/** Decides the layer rules an attributed edge breaks: what dependency-cruiser would say of a direct import. */
export type RulesBroken = (from: string, to: string, typeOnly: boolean) => readonly string[];

/**
 * Replaces each dependency of a checked module on a barrel by one dependency per module defining the
 * names it takes, carrying `via`. The barrel dependency stays (with the rules dependency-cruiser found
 * broken) when the file also takes the barrel as a whole or a name cannot be followed.
 */
export function seeThroughBarrels(
  modules: readonly GraphModule[],
  importsOf: (path: string) => readonly ImportedNames[],
  facts: BarrelFacts,
  rulesBroken: RulesBroken,
): GraphModule[] {
  return modules.map((module) => {
    const onBarrels = module.dependencies.filter((dependency) => isBarrelDependency(dependency, facts));
    if (onBarrels.length === 0) return module;
    const imports = importsOf(module.source);
    // dependency-cruiser lists a specifier once per kind of statement (`import` and `import type`): attributed once.
    const attributed = new Map<string, { attributed: GraphDependency[]; keepBarrel: boolean }>();
    const dependencies = module.dependencies.flatMap((dependency) => {
      if (!onBarrels.includes(dependency)) return [dependency];
      const known = attributed.get(dependency.specifier);
      if (known !== undefined) return known.keepBarrel ? [dependency] : [];
      const same = onBarrels.filter((candidate) => candidate.specifier === dependency.specifier);
      const result = attributeDependency(module.source, dependency, same, imports, facts, rulesBroken);
      attributed.set(dependency.specifier, result);
      return result.keepBarrel ? [dependency, ...result.attributed] : result.attributed;
    });
    return { ...module, dependencies };
  });
}

function isBarrelDependency(dependency: GraphDependency, facts: BarrelFacts): boolean {
  return dependency.target === "local" && facts.exportsOf(dependency.resolved)?.barrel === true;
}

function attributeDependency(
  from: string,
  dependency: GraphDependency,
  same: readonly GraphDependency[],
  imports: readonly ImportedNames[],
  facts: BarrelFacts,
  rulesBroken: RulesBroken,
): { attributed: GraphDependency[]; keepBarrel: boolean } {
  const taken = imports.filter((entry) => entry.specifier === dependency.specifier);
  const names = taken.flatMap((entry) => entry.names);
  let keepBarrel = names.length === 0 || taken.some((entry) => entry.whole);
  const byDefiner = new Map<string, Attribution>();
  for (const name of names) {
    const attribution = attributeName(dependency.resolved, name, facts);
    if (attribution === null) {
      keepBarrel = true;
      continue;
    }
    const key = [attribution.definer, ...attribution.via].join("\u0000");
    const known = byDefiner.get(key);
    byDefiner.set(key, { ...attribution, typeOnly: attribution.typeOnly && (known?.typeOnly ?? true) });
  }
  const statementTypes = [...new Set(same.flatMap((candidate) => candidate.dependencyTypes))].filter(
    (type) => type !== "type-only",
  );
  const attributed = [...byDefiner.values()].map((attribution): GraphDependency => ({
    specifier: dependency.specifier,
    resolved: attribution.definer,
    target: "local",
    typeOnly: attribution.typeOnly,
    dependencyTypes: [...statementTypes, ...(attribution.typeOnly ? ["type-only"] : [])].sort(),
    brokenRules: rulesBroken(from, attribution.definer, attribution.typeOnly),
    via: attribution.via,
  }));
  return { attributed, keepBarrel };
}
