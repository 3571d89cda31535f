import { createLayerClassifier, type LayerClassifier } from "../classify/layer-classifier.js";
import type { MapIssue } from "../map/map-issue.js";
import type { LayerMap } from "../map/layer-map.js";
import { firstIndexOfEach, refusedLayers } from "./compile-rules.js";
import { layerOverlaps } from "./layer-overlaps.js";

/**
 * The most regex text the layer rules may compile to. A rule names every layer its layers refuse by their
 * globs, so a map whose layers each refuse a different set holds its globs once per layer: 200 layers of
 * 100 globs came to 110 MB, too big to write, read back or hand to dependency-cruiser.
 */
export const MAX_LAYER_RULES_BYTES = 16 * 1024 * 1024;

/**
 * About how many characters of regex the layer rules compile to (each boundary rule's `from` and `to`, and
 * the warn rules), counted from the lengths of the layers' regexes without building the rules.
 */
export function layerRulesSize(map: LayerMap, classifier: LayerClassifier): number {
  const { matchers } = classifier;
  const overlaps = layerOverlaps(matchers);
  // A layer's first-match regex: its own globs behind a look-ahead of the earlier layers that could claim its files.
  const member = matchers.map((matcher, index) => {
    const earlier = overlaps.earlierOverlapping(index);
    const lookAhead = earlier.reduce((sum, other) => sum + (matchers[other]?.regex.length ?? 0) + 5, 0);
    return matcher.regex.length + (earlier.length > 0 ? lookAhead + 9 : 0);
  });
  const refusals = map.layers.map((layer) => refusedLayers(map.layers, layer));
  const groups = firstIndexOfEach(refusals.map((refused) => (refused.length === 0 ? null : JSON.stringify(refused))));
  const sizeOf = (indexes: readonly number[]) => indexes.reduce((sum, index) => sum + (member[index] ?? 0) + 5, 0);
  let size = 0;
  for (const [owner, members] of groups) size += sizeOf(members) + sizeOf(refusals[owner] ?? []);
  map.layers.forEach((layer, index) => {
    for (const allowance of layer.warnImports ?? []) {
      const target = map.layers.findIndex((candidate) => candidate.name === allowance.layer);
      size += (member[index] ?? 0) + (member[target] ?? 0);
    }
  });
  return size;
}

/** The map's layers compile to more than MAX_LAYER_RULES_BYTES: a problem at `layers`, saying how to get under. */
export function layerRulesSizeIssue(map: LayerMap, mapFile: string): MapIssue | null {
  const size = layerRulesSize(map, createLayerClassifier(map.layers));
  if (size <= MAX_LAYER_RULES_BYTES) return null;
  const mib = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MiB`;
  return {
    file: mapFile,
    keyPath: ["layers"],
    message: `the layers compile to about ${mib(size)} of rules, over the ${mib(MAX_LAYER_RULES_BYTES)} limit: a rule lists the globs of every layer its layers may not import, and layers that may not import the same layers share one; give layers the same mayImport where you can, or fewer, broader globs`,
  };
}
