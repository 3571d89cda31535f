import type { LayerClassifier } from "../classify/layer-classifier.js";
import { describeAllowedLayers, describeAllowedPackages } from "../compile/compile-rules.js";
import type { RuleMeaning } from "../compile/rule-set.js";
import type { GraphDependency, GraphModule } from "../graph/module-graph.js";
import type { Layer, LayerMap, WarnAllowance } from "../map/layer-map.js";
import { packageNameOf } from "../packages/package-name.js";
import { compareText, compareViolations, type ViolationKind } from "./violation.js";
import type { Violation } from "./violation.js";
import { violationId } from "./violation-id.js";

export const UNASSIGNED_RULE = "no-unassigned-files";

/** A violation before its import statements are located in the source. */
export type UnlocatedViolation = Omit<Violation, "line" | "column" | "locations"> & {
  /** Every specifier, as written, of the dependencies behind this violation. */
  readonly specifiers: readonly string[];
};

export interface ViolationInput {
  readonly map: LayerMap;
  readonly classifier: LayerClassifier;
  readonly meanings: ReadonlyMap<string, RuleMeaning>;
  /** The checked modules only (include minus exclude). */
  readonly modules: readonly GraphModule[];
}

/** Turns broken compiled rules and unclaimed files into violations, one per (kind, from, to). */
export function findViolations(input: ViolationInput): UnlocatedViolation[] {
  const { map, classifier, meanings } = input;
  const layersByName = new Map(map.layers.map((layer) => [layer.name, layer]));
  const grouped = new Map<string, { kind: ViolationKind; rule: string; from: string; to: string; fromLayer: string; meaning: RuleMeaning; dependencies: GraphDependency[] }>();

  for (const module of input.modules) {
    for (const dependency of module.dependencies) {
      for (const rule of dependency.brokenRules) {
        const meaning = meanings.get(rule);
        if (meaning === undefined) continue;
        const to = meaning.kind === "package" ? packageNameOf(dependency.specifier, dependency.target === "builtin") : dependency.resolved;
        const fromLayer = meaning.fromLayer ?? (classifier.layerOf(module.source) as string);
        const key = `${meaning.kind}\u0000${module.source}\u0000${to}`;
        const group = grouped.get(key) ?? { kind: meaning.kind, rule, from: module.source, to, fromLayer, meaning, dependencies: [] };
        group.dependencies.push(dependency);
        grouped.set(key, group);
      }
    }
  }

  const violations: UnlocatedViolation[] = [...grouped.values()].map((group) => {
    const layer = layersByName.get(group.fromLayer) as Layer;
    const specifiers = [...new Set(group.dependencies.map((dependency) => dependency.specifier))].sort(compareText);
    const dependencyTypes = [...new Set(group.dependencies.flatMap((dependency) => dependency.dependencyTypes))].sort(compareText);
    const tolerated = group.kind === "layer" ? layer.warnImports?.find((allowance) => allowance.layer === group.meaning.toLayer) : undefined;
    const words =
      group.kind === "layer"
        ? layerWords(layer, group.from, group.to, group.meaning, tolerated)
        : group.kind === "private"
          ? privateWords(layersByName.get(group.meaning.toLayer as string) as Layer, layer, group.from, group.to)
          : packageWords(layer, group.to);
    return {
      id: violationId(group.kind, group.from, group.to),
      kind: group.kind,
      severity: tolerated === undefined ? "error" : "warn",
      rule: group.rule,
      from: group.from,
      to: group.to,
      fromLayer: group.fromLayer,
      toLayer: group.meaning.toLayer,
      specifier: specifiers[0] ?? null,
      specifiers,
      dependencyTypes,
      ...words,
    };
  });

  if (map.options.unassigned !== "off") {
    for (const module of input.modules) {
      if (classifier.layerOf(module.source) !== null) continue;
      violations.push({
        id: violationId("unassigned", module.source, null),
        kind: "unassigned",
        severity: map.options.unassigned,
        rule: UNASSIGNED_RULE,
        from: module.source,
        to: null,
        fromLayer: null,
        toLayer: null,
        specifier: null,
        specifiers: [],
        dependencyTypes: [],
        message: `no layer claims ${module.source}`,
        fix: "add a glob that matches it to a layer's paths, or add it to exclude",
      });
    }
  }
  return violations.sort(compareViolations);
}

function layerWords(layer: Layer, from: string, to: string, meaning: RuleMeaning, tolerated: WarnAllowance | undefined): { message: string; fix: string } {
  const target = meaning.toLayer as string;
  if (tolerated !== undefined) {
    return {
      message: `${layer.name} may not import ${target}, tolerated at severity warn${tolerated.reason === null ? "" : ` (${tolerated.reason})`}: ${from} imports ${to}`,
      fix: `the map tolerates this while a migration is in progress${tolerated.reason === null ? "" : ` (${tolerated.reason})`}: ${layer.mayImport.length === 0 ? `move this dependency out of ${layer.name}` : `reach ${target} through ${describeAllowedLayers(layer)}`}, then remove { layer: ${target}, severity: warn } from layers.${layer.name}.mayImport`,
    };
  }
  const route =
    layer.mayImport.length === 0
      ? `${layer.name} may import no other layer: move this dependency out of ${layer.name}`
      : `${layer.name} may import ${describeAllowedLayers(layer)}: reach ${target} through one of them`;
  return {
    message: `${layer.name} may not import ${target}: ${from} imports ${to}`,
    fix: `${route}, or add ${target} to layers.${layer.name}.mayImport if the map is what is wrong`,
  };
}

function privateWords(owner: Layer, importer: Layer, from: string, to: string): { message: string; fix: string } {
  const surface = (owner.public ?? []).join(", ");
  return {
    message: `${from} imports ${to}, an internal file of ${owner.name}: import it through its public surface (${surface})`,
    fix: `import what ${importer.name} needs through the public files of ${owner.name} (${surface}), or add ${to} to layers.${owner.name}.public if it is meant to be public`,
  };
}

function packageWords(layer: Layer, packageName: string): { message: string; fix: string } {
  return {
    message: `${layer.name} may not use ${packageName}`,
    fix: `${layer.name} may use ${describeAllowedPackages(layer)}: move the code that needs ${packageName} to a layer that may use it, or add "${packageName}" to layers.${layer.name}.packages`,
  };
}
