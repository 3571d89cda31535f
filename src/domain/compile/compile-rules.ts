import type { LayerClassifier, LayerMatcher } from "../classify/layer-classifier.js";
import { compileGlobList, compileNameGlob, unionOf, type CompiledGlob } from "../glob/compile-glob.js";
import type { Layer, LayerMap } from "../map/layer-map.js";
import { BARE_SPECIFIER_REGEX, isBuiltinPattern } from "../packages/package-name.js";
import { compileContextRules } from "./compile-context-rules.js";
import { compilePrivateRules } from "./compile-private-rules.js";
import { layerOverlaps, type LayerOverlaps } from "./layer-overlaps.js";
import type { CruiseOptions, ForbiddenRule, PackageCheck, PathRestriction, RuleMeaning } from "./rule-set.js";
import { defined } from "../collections/defined.js";

/** The one rule finding import cycles; each dependency it flags carries the loop in its `cycle`. */
export const CYCLE_RULE = "no-import-cycles";

/** Anything under a node_modules folder is a package, never a layer member. */
export const NODE_MODULES_REGEX = "(^|/)node_modules/";

export interface CompiledRules {
  readonly forbidden: readonly ForbiddenRule[];
  readonly meanings: ReadonlyMap<string, RuleMeaning>;
}

/**
 * One boundary rule per set of layers refusing the same layers, a warn rule per tolerated pair, and up to
 * three package rules per distinct package allow-list; then private, context and cycle rules.
 * First-match membership: a layer's side of a rule is its globs minus every earlier layer's globs
 * that could match the same files (disjoint folders need no exclusion, which keeps big maps fast).
 * Excluded files are left out of every rule's `from` rather than through dependency-cruiser's
 * `exclude` option, which joins its globs into one regex that it refuses past a few wildcards; so
 * an import INTO an excluded file is still checked, and only the excluded file's own imports are not.
 */
export function compileRules(map: LayerMap, classifier: LayerClassifier): CompiledRules {
  const forbidden: ForbiddenRule[] = [];
  const meanings = new Map<string, RuleMeaning>();
  const typeOnly = map.options.typeOnlyImports === "allow" ? ["type-only"] : [];
  const excludeEntries = compileGlobList(map.exclude);
  const excluded = excludeEntries.map((entry) => entry.regex);
  const packageGroups = layersSharingPackages(map.layers);
  const refusals = map.layers.map((layer) => refusedLayers(map.layers, layer));
  const refusalGroups = firstIndexOfEach(
    refusals.map((refused) => (refused.length === 0 ? null : JSON.stringify(refused))),
  );
  const layers = firstMatchLayers(classifier.matchers);

  const layerAt = (index: number) => defined(map.layers[index], "a layer of the map");
  map.layers.forEach((layer, index) => {
    const layerExcluded = layers.overlaps.overlapping(excludeEntries, index).map((entry) => entry.regex);
    const from = layers.membership(index, layerExcluded);
    const tolerated = map.layers.flatMap((target, targetIndex) =>
      layer.warnImports?.some((allowance) => allowance.layer === target.name) === true ? [{ target, targetIndex }] : [],
    );
    const refused = defined(refusals[index], "the layers a layer refuses").map((targetIndex) => ({
      target: layerAt(targetIndex),
      targetIndex,
    }));
    const to = (indexes: readonly number[]): PathRestriction => ({
      path: unionOf(indexes.map((targetIndex) => layers.firstMatchRegex(targetIndex))),
      pathNot: [NODE_MODULES_REGEX],
      couldNotResolve: false,
      dependencyTypesNot: ["core", ...typeOnly],
    });
    const sharingRefusal = refusalGroups.get(index);
    if (sharingRefusal !== undefined) {
      const members = sharingRefusal.map((member) => layerAt(member).name);
      const refusedNames = refused.map(({ target }) => target.name);
      const name = layerBoundaryRule(groupOwner(members));
      forbidden.push({
        name,
        comment:
          members.length === 1
            ? `${layer.name} may import ${describeAllowedLayers(layer)}; not ${refusedNames.join(", ")}`
            : `${members.join(", ")} may not import ${refusedNames.join(", ")}`,
        severity: "error",
        from: members.length === 1 ? from : unionMembership(layers, sharingRefusal, excludeEntries),
        to: to(refused.map(({ targetIndex }) => targetIndex)),
      });
      meanings.set(name, { kind: "layer", fromLayers: members, toLayer: null, toLayers: refusedNames });
    }
    for (const { target, targetIndex } of tolerated) {
      const name = layerPairRule(layer.name, target.name);
      forbidden.push({
        name,
        comment: `${layer.name} may not import ${target.name}, tolerated at severity warn`,
        severity: "warn",
        from,
        to: to([targetIndex]),
      });
      meanings.set(name, { kind: "layer", fromLayers: [layer.name], toLayer: target.name });
    }
    const sharing = packageGroups.get(index);
    if (sharing !== undefined) {
      const groupFrom = sharing.length === 1 ? from : unionMembership(layers, sharing, excludeEntries);
      for (const { rule, check } of packageRules(sharing.map(layerAt), groupFrom, typeOnly)) {
        forbidden.push(rule);
        meanings.set(rule.name, { kind: "package", toLayer: null, check });
      }
    }
  });
  for (const { rule, meaning } of compilePrivateRules(map, classifier, excluded, typeOnly, NODE_MODULES_REGEX)) {
    forbidden.push(rule);
    meanings.set(rule.name, meaning);
  }
  if (map.contexts !== null) {
    for (const { rule, meaning } of compileContextRules({
      contexts: map.contexts,
      matchers: classifier.matchers,
      excluded,
      notLocal: NODE_MODULES_REGEX,
      dependencyTypesNot: ["core", ...typeOnly],
    })) {
      forbidden.push(rule);
      meanings.set(rule.name, meaning);
    }
  }
  if (map.options.cycles !== "off") forbidden.push(cycleRule(map.options.cycles, typeOnly, excluded));
  return { forbidden, meanings };
}

export interface OptionsInput {
  readonly baseDir: string;
  /** Absolute or baseDir-relative path of the tsconfig, or null. */
  readonly tsconfig: string | null;
}

/** The dependency-cruiser options layerlint runs with, and that `layerlint compile` ejects. */
export function compileCruiseOptions(rules: CompiledRules, input: OptionsInput): CruiseOptions {
  return {
    validate: true,
    ruleSet: { forbidden: [...rules.forbidden] },
    doNotFollow: { path: ["node_modules"] },
    tsPreCompilationDeps: true,
    skipAnalysisNotInRules: true,
    // A workspace package reached through its node_modules link stays a package (counted by name),
    // instead of turning into a file outside the map's folder; workspace aliases bring in-map ones home.
    preserveSymlinks: true,
    ...(input.tsconfig === null ? {} : { tsConfig: { fileName: input.tsconfig } }),
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    baseDir: input.baseDir,
  };
}

/**
 * The options the check cruises with: those of the ejected configuration minus its cycle rule, whose loops
 * layerlint finds itself (findCycleViolations, to the loop): dependency-cruiser's own search walks the whole
 * reachable graph for every import (30 of 38 seconds at 10,000 modules), and a cached graph could not be
 * re-checked for cycles without a cold cruise.
 */
export function withoutCycleRule(options: CruiseOptions): CruiseOptions {
  return {
    ...options,
    ruleSet: { ...options.ruleSet, forbidden: options.ruleSet.forbidden.filter((rule) => rule.name !== CYCLE_RULE) },
  };
}

/** dependency-cruiser analyses cycles only when a rule asks (skipAnalysisNotInRules), so `off` costs nothing. */
function cycleRule(
  severity: "error" | "warn",
  typeOnly: readonly string[],
  excluded: readonly string[],
): ForbiddenRule {
  return {
    name: CYCLE_RULE,
    comment:
      "modules may not import each other in a loop: a cycle cannot be understood, tested or split one module at a time",
    severity,
    from: excluded.length > 0 ? { pathNot: [...excluded] } : {},
    to: { circular: true, ...(typeOnly.length > 0 ? { viaOnly: { dependencyTypesNot: [...typeOnly] } } : {}) },
  };
}

export function describeAllowedLayers(layer: Layer): string {
  return layer.mayImport.length === 0 ? "no other layer" : layer.mayImport.join(", ");
}

/** How the map names one forbidden pair of layers: what reports say, whichever compiled rule caught it. */
export function layerPairRule(from: string, to: string): string {
  return `${from}-may-not-import-${to}`;
}

/**
 * The rule a violation is reported under: a layer rule covering several layers reports the pair it broke, a
 * package rule shared by several layers the importing layer's own check.
 */
export function reportedRule(
  rule: string,
  meaning: RuleMeaning,
  layers: { readonly fromLayer: string | null; readonly toLayer: string | null },
): string {
  if (meaning.kind === "layer" && meaning.toLayer === null)
    return layerPairRule(layers.fromLayer ?? "?", layers.toLayer ?? "?");
  if (meaning.kind === "package") return packageRuleName(layers.fromLayer ?? "?", meaning.check);
  return rule;
}

/** The one dependency-cruiser rule for all the layers a layer may not import (tolerated ones aside). */
export function layerBoundaryRule(layer: string): string {
  return `${layer}-may-not-import-other-layers`;
}

/** First-match membership of each layer, computed once per layer however many rules name it. */
interface FirstMatchLayers {
  readonly overlaps: LayerOverlaps;
  /** The layer's globs, minus the earlier layers that could claim the same files, minus `alsoNot`. */
  membership(index: number, alsoNot?: readonly string[]): PathRestriction;
  /**
   * First-match membership as one regex: the layer's globs, behind a negative look-ahead of the earlier
   * layers that could claim the same files (none for disjoint folders), so several layers fit one `path`.
   */
  firstMatchRegex(index: number): string;
}

function firstMatchLayers(matchers: readonly LayerMatcher[]): FirstMatchLayers {
  const overlaps = layerOverlaps(matchers);
  const earlierRegexes = new Map<number, readonly string[]>();
  const firstMatchRegexes = new Map<number, string>();
  const earlierOf = (index: number): readonly string[] => {
    let earlier = earlierRegexes.get(index);
    if (earlier === undefined) {
      earlier = overlaps.earlierOverlapping(index).map((other) => matcherAt(other).regex);
      earlierRegexes.set(index, earlier);
    }
    return earlier;
  };
  const matcherAt = (index: number) => defined(matchers[index], "the matcher of a layer");
  const membership = (index: number, alsoNot: readonly string[] = []): { path: string; pathNot?: string[] } => {
    const pathNot = [...earlierOf(index), ...alsoNot];
    return { path: matcherAt(index).regex, ...(pathNot.length > 0 ? { pathNot } : {}) };
  };
  const firstMatchRegex = (index: number): string => {
    let regex = firstMatchRegexes.get(index);
    if (regex === undefined) {
      const { path, pathNot } = membership(index);
      regex = pathNot === undefined ? path : `(?!${unionOf(pathNot)})(?:${path})`;
      firstMatchRegexes.set(index, regex);
    }
    return regex;
  };
  return { overlaps, membership, firstMatchRegex };
}

/** The layers a layer may not import outright (neither allowed nor tolerated at warn), by index. */
export function refusedLayers(layers: readonly Layer[], layer: Layer): number[] {
  return layers.flatMap((target, targetIndex) =>
    target.name === layer.name ||
    layer.mayImport.includes(target.name) ||
    layer.warnImports?.some((allowance) => allowance.layer === target.name) === true
      ? []
      : [targetIndex],
  );
}

/**
 * Layers that refuse exactly the same layers share one boundary rule, and layers with the same package
 * allow-list their package rules, each at the place of the group's first layer: the sub-layers of a big map
 * usually do, so it compiles to few rules. Groups indexes by key (null: in no group), keyed by their first index.
 */
export function firstIndexOfEach(keys: readonly (string | null)[]): Map<number, number[]> {
  const byKey = new Map<string, number[]>();
  keys.forEach((key, index) => {
    if (key !== null) byKey.set(key, [...(byKey.get(key) ?? []), index]);
  });
  return new Map([...byKey.values()].map((members) => [members[0] as number, members]));
}

/** Layers without a package list have no package rules. */
function layersSharingPackages(layers: readonly Layer[]): Map<number, number[]> {
  return firstIndexOfEach(
    layers.map((layer) => (layer.packages === null ? null : JSON.stringify([...layer.packages].sort()))),
  );
}

/** Several layers as one rule side: each layer's first-match regex, minus the excluded globs any of them could hold. */
function unionMembership(
  layers: FirstMatchLayers,
  indexes: readonly number[],
  exclude: readonly CompiledGlob[],
): PathRestriction {
  const excluded = [
    ...new Set(indexes.flatMap((index) => layers.overlaps.overlapping(exclude, index).map((entry) => entry.regex))),
  ];
  return {
    path: unionOf(indexes.map((index) => layers.firstMatchRegex(index))),
    ...(excluded.length > 0 ? { pathNot: excluded } : {}),
  };
}

/** What a rule shared by several layers is named after: the first of them, and how many more. */
function groupOwner(layers: readonly string[]): string {
  const first = defined(layers[0], "the first layer of a group");
  return layers.length === 1 ? first : `${first}-and-${layers.length - 1}-more`;
}

/** How the map names a layer's package check: what reports say, whichever compiled rule caught it. */
export function packageRuleName(layer: string, check: PackageCheck): string {
  return `${layer}-may-not-use-${check}`;
}

function packageRules(
  layers: readonly Layer[],
  from: PathRestriction,
  typeOnly: readonly string[],
): { rule: ForbiddenRule; check: PackageCheck }[] {
  const first = defined(layers[0], "the first layer of a group");
  const packages = first.packages ?? [];
  const builtins = packages.filter(isBuiltinPattern).map((pattern) => compileNameGlob(pattern.slice("node:".length)));
  const npm = packages.filter((pattern) => !isBuiltinPattern(pattern)).map(compileNameGlob);
  const owner = groupOwner(layers.map((layer) => layer.name));
  const packagesComment = `${layers.map((layer) => layer.name).join(", ")} may use ${describeAllowedPackages(first)}`;
  const typeOnlyNot = typeOnly.length > 0 ? { dependencyTypesNot: [...typeOnly] } : {};
  const npmAlternatives = npm.length > 0 ? `(${npm.join("|")})` : null;
  const rule = (check: PackageCheck, comment: string, to: ForbiddenRule["to"]) => ({
    rule: { name: packageRuleName(owner, check), comment, severity: "error" as const, from, to },
    check,
  });
  const rules = [
    rule("unlisted-packages", packagesComment, {
      path: NODE_MODULES_REGEX,
      ...(npmAlternatives ? { pathNot: `^(|.*/)node_modules/(|@types/)${npmAlternatives}(/|$)` } : {}),
      ...typeOnlyNot,
    }),
    rule("uninstalled-packages", `${packagesComment}; packages that are not installed count by the name imported`, {
      couldNotResolve: true,
      path: BARE_SPECIFIER_REGEX,
      ...(npmAlternatives ? { pathNot: `^${npmAlternatives}(/|$)` } : {}),
      ...typeOnlyNot,
    }),
  ];
  const allBuiltins = builtins.some((pattern) => pattern === "[^/]*");
  if (!allBuiltins) {
    rules.push(
      rule("unlisted-builtins", packagesComment, {
        dependencyTypes: ["core"],
        ...(builtins.length > 0 ? { pathNot: `^(${builtins.join("|")})(/|$)` } : {}),
        ...typeOnlyNot,
      }),
    );
  }
  return rules;
}

export function describeAllowedPackages(layer: Layer): string {
  if (layer.packages === null) return "any package";
  return layer.packages.length === 0 ? "no packages" : layer.packages.join(", ");
}
