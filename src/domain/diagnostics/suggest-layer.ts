import type { LayerClassifier } from "../classify/layer-classifier.js";
import { compileNameGlob } from "../glob/compile-glob.js";
import type { GraphModule } from "../graph/module-graph.js";
import type { Layer, LayerMap } from "../map/layer-map.js";
import { isBuiltinPattern, packageUsedBy } from "../packages/package-name.js";

export interface LayerSuggestion {
  /** The layer the files fit, or null when none fits or nothing decides. */
  readonly layer: string | null;
  /** One clause saying why. */
  readonly reason: string;
}

/**
 * The layer that unclaimed files could join without a new violation: every layer they import must be
 * one it may import, every layer importing them must be allowed to import it, and their packages must
 * be on its list. Among those that fit, the one they are most connected to; ties go to map order.
 */
export function suggestLayer(
  files: readonly string[],
  map: LayerMap,
  classifier: LayerClassifier,
  modules: readonly GraphModule[],
): LayerSuggestion {
  const group = new Set(files);
  const imported = new Map<string, number>();
  const importers = new Map<string, number>();
  const packages = new Set<string>();
  for (const module of modules) {
    const inGroup = group.has(module.source);
    const sourceLayer = classifier.layerOf(module.source);
    for (const dependency of module.dependencies) {
      const packageName = packageUsedBy(dependency);
      if (inGroup && packageName !== null) packages.add(packageName);
      if (dependency.target !== "local") continue;
      if (inGroup && !group.has(dependency.resolved)) {
        const layer = classifier.layerOf(dependency.resolved);
        if (layer !== null) imported.set(layer, (imported.get(layer) ?? 0) + 1);
      } else if (!inGroup && group.has(dependency.resolved) && sourceLayer !== null) {
        importers.set(sourceLayer, (importers.get(sourceLayer) ?? 0) + 1);
      }
    }
  }
  if (imported.size === 0 && importers.size === 0) {
    return { layer: null, reason: "no import to or from a layer decides where this code belongs" };
  }
  const fits = map.layers.filter(
    (layer) =>
      [...imported.keys()].every((target) => target === layer.name || layer.mayImport.includes(target)) &&
      [...importers.keys()].every(
        (source) =>
          source === layer.name ||
          (map.layers.find((candidate) => candidate.name === source) as Layer).mayImport.includes(layer.name),
      ) &&
      [...packages].every((name) => allowsPackage(layer, name)),
  );
  const connections = (layer: Layer) => (imported.get(layer.name) ?? 0) + (importers.get(layer.name) ?? 0);
  const best = fits.reduce<Layer | null>(
    (chosen, layer) => (chosen === null || connections(layer) > connections(chosen) ? layer : chosen),
    null,
  );
  const edges = [...describe("imported by", importers), ...describe("importing", imported)].join(", ");
  if (best === null) return { layer: null, reason: `no layer fits without a new violation (${edges})` };
  return { layer: best.name, reason: `it fits without a new violation (${edges})` };
}

function describe(verb: string, counts: ReadonlyMap<string, number>): string[] {
  if (counts.size === 0) return [];
  return [`${verb} ${[...counts.keys()].sort().join(", ")}`];
}

/** Whether a layer's `packages` list admits a package name (`node:NAME` for built-ins). */
export function allowsPackage(layer: Layer, name: string): boolean {
  return layer.packages === null || layer.packages.some((pattern) => patternMatches(pattern, name));
}

/** Whether one `packages` entry admits a package name: `node:` patterns match only built-ins. */
export function patternMatches(pattern: string, name: string): boolean {
  const builtin = name.startsWith("node:");
  if (isBuiltinPattern(pattern) !== builtin) return false;
  const bare = builtin ? pattern.slice("node:".length) : pattern;
  return new RegExp(`^(?:${compileNameGlob(bare)})$`).test(builtin ? name.slice("node:".length) : name);
}
