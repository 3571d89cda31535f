import type { LayerClassifier } from "../classify/layer-classifier.js";
import type { GraphModule } from "../graph/module-graph.js";
import type { LayerMap } from "../map/layer-map.js";
import type { Diagnostic } from "./diagnostic.js";
import type { MapOrigins } from "./map-pointer.js";
import { packageUsedBy } from "../packages/package-name.js";
import { patternMatches } from "./suggest-layer.js";
import { quoted } from "../quoted-name.js";

/**
 * `mayImport` entries (warn allowances too: a migration that is done) and `packages` entries that no
 * import needs: each is a chance to tighten the map.
 * With `typeOnlyImports: allow`, type-only imports need no allowance, so they do not count.
 */
export function unusedAllowanceFindings(
  map: LayerMap,
  classifier: LayerClassifier,
  modules: readonly GraphModule[],
  origins: MapOrigins,
): Diagnostic[] {
  const layerEdges = new Set<string>();
  const packagesUsed = new Map<string, Set<string>>();
  for (const module of modules) {
    const layer = classifier.layerOf(module.source);
    if (layer === null) continue;
    for (const dependency of module.dependencies) {
      if (dependency.typeOnly && map.options.typeOnlyImports === "allow") continue;
      if (dependency.target === "local") {
        const target = classifier.layerOf(dependency.resolved);
        if (target !== null) layerEdges.add(`${layer}\u0000${target}`);
        continue;
      }
      const name = packageUsedBy(dependency);
      if (name !== null) packagesUsed.set(layer, (packagesUsed.get(layer) ?? new Set()).add(name));
    }
  }

  const findings: Diagnostic[] = [];
  for (const layer of map.layers) {
    for (const target of layer.mayImport) {
      if (layerEdges.has(`${layer.name}\u0000${target}`)) continue;
      findings.push({
        code: "unused-may-import",
        severity: "info",
        message: `${layer.name} may import ${target}, but no file of ${layer.name} does`,
        hint: `remove ${target} from layers.${layer.name}.mayImport unless ${layer.name} is meant to depend on it`,
        at: origins.layerKey(layer.name, "mayImport", target),
        files: [],
      });
    }
    for (const { layer: target } of layer.warnImports ?? []) {
      if (layerEdges.has(`${layer.name}\u0000${target}`)) continue;
      const unused = `no file of ${layer.name} imports it any more`;
      const entry = `{ layer: ${target}, severity: warn }`;
      findings.push({
        code: "unused-may-import",
        severity: "info",
        message: `${layer.name} tolerates ${target} at severity warn, but ${unused}: the migration is done`,
        hint: `remove ${entry} from layers.${layer.name}.mayImport, so a new import of ${target} fails the check`,
        at: origins.layerKey(layer.name, "mayImport", target),
        files: [],
      });
    }
    const used = [...(packagesUsed.get(layer.name) ?? [])];
    for (const pattern of layer.packages ?? []) {
      if (used.some((name) => patternMatches(pattern, name))) continue;
      const what = pattern.includes("*") ? "a package it matches" : "it";
      findings.push({
        code: "unused-package",
        severity: "info",
        message: `${layer.name} may use ${quoted(pattern)}, but no file of ${layer.name} imports ${what}`,
        hint: `remove ${quoted(pattern)} from layers.${layer.name}.packages unless ${layer.name} is meant to use it`,
        at: origins.layerKey(layer.name, "packages", pattern),
        files: [],
      });
    }
  }
  return findings;
}
