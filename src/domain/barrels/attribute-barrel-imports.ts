import type { GraphDependency, GraphModule } from "../graph/module-graph.js";
import type { ImportedName, ImportedNames, ModuleExports } from "./module-exports.js";

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
  const found = follow(barrel, name.name, facts, [], new Set());
  if (found === "absent" || found === null) return null;
  return { ...found, typeOnly: found.typeOnly || name.typeOnly };
}

type Found = Attribution | null | "absent";

function follow(
  barrel: string,
  name: string,
  facts: BarrelFacts,
  via: readonly string[],
  visiting: ReadonlySet<string>,
): Found {
  const exports = facts.exportsOf(barrel);
  if (exports === undefined || !exports.barrel || visiting.has(barrel)) return null;
  const path = [...via, barrel];
  const inside = new Set([...visiting, barrel]);
  for (const reExport of exports.reExports) {
    const entry = reExport.names.find((candidate) => candidate.exported === name);
    if (entry === undefined) continue;
    const target = resolve(barrel, reExport.specifier, facts);
    if (target === null) return null;
    const typeOnly = entry.typeOnly || reExport.typeOnly;
    if (facts.exportsOf(target)?.barrel !== true) return { definer: target, via: path, typeOnly };
    if (entry.imported === "*") return null;
    return withTypeOnly(follow(target, entry.imported, facts, path, inside), typeOnly);
  }
  if (name === "default") return "absent";
  const candidates: Attribution[] = [];
  for (const reExport of exports.reExports.filter((candidate) => candidate.star)) {
    const target = resolve(barrel, reExport.specifier, facts);
    if (target === null) return null;
    const targetExports = facts.exportsOf(target);
    let found: Found;
    if (targetExports?.barrel === true) found = follow(target, name, facts, path, inside);
    else if (targetExports === undefined) found = null;
    else if (targetExports.names.includes(name)) found = { definer: target, via: path, typeOnly: false };
    else found = targetExports.exportsStar ? null : "absent";
    if (found === null) return null;
    if (found !== "absent") candidates.push(withTypeOnly(found, reExport.typeOnly) as Attribution);
  }
  if (candidates.length === 0) return "absent";
  return candidates.length === 1 ? (candidates[0] as Attribution) : null;
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
