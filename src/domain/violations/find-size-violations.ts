import type { LayerClassifier } from "../classify/layer-classifier.js";
import type { LayerMap } from "../map/layer-map.js";
import type { UnlocatedViolation } from "./find-violations.js";
import { violationId } from "./violation-id.js";
import { named, said } from "../message-words.js";

export const SIZE_RULE = "max-lines";

export interface LineLimit {
  readonly limit: number;
  /** The map key that sets it. */
  readonly key: string;
}

/** The line limit of a file: its layer's `maxLines`, else the map's `options.maxLines`; null for none. */
export function lineLimitOf(map: LayerMap, classifier: LayerClassifier): (file: string) => LineLimit | null {
  const global = map.options.maxLines === null ? null : { limit: map.options.maxLines, key: "options.maxLines" };
  const byLayer = new Map(
    map.layers.map((layer) => [
      layer.name,
      layer.maxLines === undefined ? global : { limit: layer.maxLines, key: `layers.${layer.name}.maxLines` },
    ]),
  );
  return (file) => {
    const layer = classifier.layerOf(file);
    return layer === null ? global : (byLayer.get(layer) ?? null);
  };
}

/** Lines as an editor numbers them: a final newline does not start another line. */
export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let lines = 1;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) lines += 1;
  return text.endsWith("\n") ? lines - 1 : lines;
}

/** A file longer than its limit; `lineCounts` holds only files that have a limit. */
export function findSizeViolations(
  lineCounts: ReadonlyMap<string, number>,
  map: LayerMap,
  classifier: LayerClassifier,
): UnlocatedViolation[] {
  const limitOf = lineLimitOf(map, classifier);
  const violations: UnlocatedViolation[] = [];
  for (const [file, lines] of lineCounts) {
    const limit = limitOf(file);
    if (limit === null || lines <= limit.limit) continue;
    violations.push({
      id: violationId("size", file, null),
      kind: "size",
      severity: "error",
      rule: SIZE_RULE,
      from: file,
      to: null,
      fromLayer: classifier.layerOf(file),
      toLayer: null,
      specifier: null,
      specifiers: [],
      dependencyTypes: [],
      ...said`${named(file)} has ${lines} lines, over the limit of ${limit.limit} (${limit.key})`,
      fix: "split it by responsibility into smaller modules, or raise the limit if this file is the exception",
    });
  }
  return violations;
}
