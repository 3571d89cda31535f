import type { ContextClassifier } from "../classify/context-classifier.js";
import type { LayerClassifier } from "../classify/layer-classifier.js";
import { describeAllowedLayers, describeAllowedPackages, reportedRule } from "../compile/compile-rules.js";
import type { RuleMeaning } from "../compile/rule-set.js";
import type { GraphDependency, GraphModule } from "../graph/module-graph.js";
import type { Layer, LayerMap, WarnAllowance } from "../map/layer-map.js";
import { packageNameOf } from "../packages/package-name.js";
import { defined } from "../collections/defined.js";
import { contextPrivateWords, contextWords, type ViolationWords } from "./context-words.js";
import { compareText, compareViolations, type ViolationKind } from "./violation.js";
import type { Violation } from "./violation.js";
import { violationId } from "./violation-id.js";
import { named, namedFiles, said } from "../message-words.js";

export const UNASSIGNED_RULE = "no-unassigned-files";

/** A violation before its import statements are located in the source and its files placed in contexts. */
export type UnlocatedViolation = Omit<Violation, "line" | "column" | "locations" | "fromContext" | "toContext"> & {
  /** Every specifier, as written, of the dependencies behind this violation. */
  readonly specifiers: readonly string[];
};

export interface ViolationInput {
  readonly map: LayerMap;
  readonly classifier: LayerClassifier;
  readonly contexts: ContextClassifier;
  readonly meanings: ReadonlyMap<string, RuleMeaning>;
  /** The checked modules only (include minus exclude). */
  readonly modules: readonly GraphModule[];
}

/** Turns broken compiled rules and unclaimed files into violations, one per (kind, from, to). */
export function findViolations(input: ViolationInput): UnlocatedViolation[] {
  const layersByName = new Map(input.map.layers.map((layer) => [layer.name, layer]));
  const layerNamed = (name: string | null, what: string): Layer =>
    defined(name === null ? undefined : layersByName.get(name), what);
  return [
    ...groupBrokenRules(input).map((group) => violationOf(group, input, layerNamed)),
    ...unassignedViolations(input),
  ].sort(compareViolations);
}

/** The imports behind one violation: every dependency from one file to one target that breaks one kind of rule. */
interface BrokenRuleGroup {
  readonly kind: ViolationKind;
  readonly rule: string;
  readonly from: string;
  readonly to: string;
  readonly fromLayer: string | null;
  readonly toLayer: string | null;
  readonly meaning: RuleMeaning;
  readonly dependencies: GraphDependency[];
}

function groupBrokenRules({ modules, meanings, classifier }: ViolationInput): BrokenRuleGroup[] {
  const grouped = new Map<string, BrokenRuleGroup>();
  for (const module of modules) {
    for (const dependency of module.dependencies) {
      for (const rule of dependency.brokenRules) {
        const meaning = meanings.get(rule);
        if (meaning === undefined) continue;
        const to =
          meaning.kind === "package"
            ? packageNameOf(dependency.specifier, dependency.target === "builtin")
            : dependency.resolved;
        // Every rule's `from` is first-match membership, so the importer's layer is the one that broke it.
        const fromLayer = classifier.layerOf(module.source);
        const key = `${meaning.kind}\u0000${module.source}\u0000${to}`;
        const toLayer =
          meaning.kind === "context"
            ? null
            : (meaning.toLayer ?? (meaning.kind === "layer" ? classifier.layerOf(to) : null));
        const group = grouped.get(key) ?? {
          kind: meaning.kind,
          rule: reportedRule(rule, meaning, { fromLayer, toLayer }),
          from: module.source,
          to,
          fromLayer,
          toLayer,
          meaning,
          dependencies: [],
        };
        group.dependencies.push(dependency);
        grouped.set(key, group);
      }
    }
  }
  return [...grouped.values()];
}

function violationOf(
  group: BrokenRuleGroup,
  { classifier, contexts }: ViolationInput,
  layerNamed: (name: string | null, what: string) => Layer,
): UnlocatedViolation {
  const { meaning } = group;
  const specifiers = [...new Set(group.dependencies.map((dependency) => dependency.specifier))].sort(compareText);
  const common = {
    id: violationId(group.kind, group.from, group.to),
    kind: group.kind,
    rule: group.rule,
    from: group.from,
    to: group.to,
    specifier: specifiers[0] ?? null,
    specifiers,
    dependencyTypes: [...new Set(group.dependencies.flatMap((dependency) => dependency.dependencyTypes))].sort(
      compareText,
    ),
  };
  if (meaning.kind === "context" || (meaning.kind === "private" && meaning.toLayer === null)) {
    return {
      ...common,
      severity: "error",
      fromLayer: classifier.layerOf(group.from),
      toLayer: classifier.layerOf(group.to),
      ...(meaning.kind === "context"
        ? contextWords(contexts, classifier, group.from, group.to)
        : contextPrivateWords(contexts, group.from, group.to)),
    };
  }
  const layer = layerNamed(group.fromLayer, "the importing layer");
  const via = viaOf(group.dependencies);
  const tolerated =
    meaning.kind === "layer" && meaning.toLayer !== null
      ? layer.warnImports?.find((allowance) => allowance.layer === meaning.toLayer)
      : undefined;
  const words =
    meaning.kind === "layer"
      ? layerWords(layer, group.from, group.to, defined(group.toLayer, "the imported layer"), {
          contexts,
          via,
          tolerated,
        })
      : meaning.kind === "private"
        ? privateWords(layerNamed(meaning.toLayer, "the layer owning the file"), layer, group.from, group.to)
        : packageWords(layer, group.to);
  return {
    ...common,
    severity: tolerated === undefined ? "error" : "warn",
    fromLayer: group.fromLayer,
    toLayer: group.toLayer,
    ...words,
    ...(via === undefined ? {} : { via }),
  };
}

function unassignedViolations({ map, modules, classifier }: ViolationInput): UnlocatedViolation[] {
  const severity = map.options.unassigned;
  if (severity === "off") return [];
  return modules
    .filter((module) => classifier.layerOf(module.source) === null)
    .map((module) => ({
      id: violationId("unassigned", module.source, null),
      kind: "unassigned",
      severity,
      rule: UNASSIGNED_RULE,
      from: module.source,
      to: null,
      fromLayer: null,
      toLayer: null,
      specifier: null,
      specifiers: [],
      dependencyTypes: [],
      ...said`no layer claims ${named(module.source)}`,
      fix: "add a glob that matches it to a layer's paths, or add it to exclude",
    }));
}

/**
 * The barrels a violation is seen through: the first route in path order, none when `from` also imports `to` directly.
 */
function viaOf(dependencies: readonly GraphDependency[]): readonly string[] | undefined {
  const routes: (readonly string[])[] = [];
  for (const { via } of dependencies) {
    if (via === undefined) return undefined;
    routes.push(via);
  }
  return routes.sort((a, b) => compareText(a.join("\u0000"), b.join("\u0000")))[0];
}

interface LayerEdge {
  readonly contexts: ContextClassifier;
  readonly via: readonly string[] | undefined;
  readonly tolerated: WarnAllowance | undefined;
}

function layerWords(
  layer: Layer,
  from: string,
  to: string,
  target: string,
  { contexts, via, tolerated }: LayerEdge,
): ViolationWords {
  const context = contexts.contextOf(from);
  const where = context !== null && context === contexts.contextOf(to) ? ` in context ${context}` : "";
  const through = via === undefined ? [] : said` through ${namedFiles(via, " → ")}`.messageWords;
  const imports = said`${named(from)} imports ${named(to)}${through}`.messageWords;
  if (tolerated !== undefined) {
    const reason = tolerated.reason === null ? "" : ` (${tolerated.reason})`;
    const way =
      layer.mayImport.length === 0
        ? `move this dependency out of ${layer.name}`
        : `reach ${target} through ${describeAllowedLayers(layer)}`;
    const then = `then remove { layer: ${target}, severity: warn } from layers.${layer.name}.mayImport`;
    return {
      ...said`${layer.name} may not import ${target}${where}, tolerated at severity warn${reason}: ${imports}`,
      fix: `the map tolerates this while a migration is in progress${reason}: ${way}, ${then}`,
    };
  }
  const route =
    layer.mayImport.length === 0
      ? `${layer.name} may import no other layer: move this dependency out of ${layer.name}`
      : `${layer.name} may import ${describeAllowedLayers(layer)}: reach ${target} through one of them`;
  return {
    ...said`${layer.name} may not import ${target}${where}: ${imports}`,
    fix: `${route}, or add ${target} to layers.${layer.name}.mayImport if the map is what is wrong`,
  };
}

function privateWords(owner: Layer, importer: Layer, from: string, to: string): ViolationWords {
  const surface = (owner.public ?? []).join(", ");
  const internal = `an internal file of ${owner.name}: import it through its public surface (${surface})`;
  const makePublic = `add ${to} to layers.${owner.name}.public if it is meant to be public`;
  return {
    ...said`${named(from)} imports ${named(to)}, ${internal}`,
    fix: `import what ${importer.name} needs through the public files of ${owner.name} (${surface}), or ${makePublic}`,
  };
}

function packageWords(layer: Layer, packageName: string): ViolationWords {
  const moveIt = `move the code that needs ${packageName} to a layer that may use it`;
  const allowIt = `add "${packageName}" to layers.${layer.name}.packages`;
  return {
    ...said`${layer.name} may not use ${packageName}`,
    fix: `${layer.name} may use ${describeAllowedPackages(layer)}: ${moveIt}, or ${allowIt}`,
  };
}
