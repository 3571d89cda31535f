import type { LayerMatcher } from "../classify/layer-classifier.js";
import { literalBeginning } from "../glob/compile-glob.js";
import { defined } from "../collections/defined.js";

/**
 * Which layers could claim the same files, answered as `globsCannotOverlap` answers for each pair of globs
 * (two globs overlap exactly when one's literal beginning is a prefix of the other's), without trying each
 * pair: the distinct beginnings are sorted, so those extending a beginning follow it in one run, and the
 * work grows with the number of globs and of overlapping beginnings, never with globs squared.
 */
export interface LayerOverlaps {
  /** The layers before `index`, ascending, with a glob that could match a file of the layer at `index`. */
  earlierOverlapping(index: number): readonly number[];
  /** The entries, in the order given, whose glob could match a file of the layer at `index`. */
  overlapping<Entry extends { readonly glob: string }>(entries: readonly Entry[], index: number): Entry[];
}

export function layerOverlaps(matchers: readonly LayerMatcher[]): LayerOverlaps {
  const layersByBeginning = new Map<string, Set<number>>();
  matchers.forEach((matcher, index) => {
    for (const { glob } of matcher.globs) {
      const beginning = literalBeginning(glob);
      const layers = layersByBeginning.get(beginning) ?? new Set<number>();
      layers.add(index);
      layersByBeginning.set(beginning, layers);
    }
  });
  const beginnings = [...layersByBeginning.keys()].sort();
  const layersOf = (beginning: string) => defined(layersByBeginning.get(beginning), "the layers of a beginning");
  const count = matchers.length;
  const overlaps = new Uint8Array(count * count);
  const mark = (some: ReadonlySet<number>, others: ReadonlySet<number>) => {
    for (const a of some)
      for (const b of others) {
        overlaps[a * count + b] = 1;
        overlaps[b * count + a] = 1;
      }
  };
  beginnings.forEach((beginning, position) => {
    const layers = layersOf(beginning);
    mark(layers, layers);
    for (let next = position + 1; next < beginnings.length; next++) {
      const longer = defined(beginnings[next], "a beginning before the end");
      if (!longer.startsWith(beginning)) break;
      mark(layers, layersOf(longer));
    }
  });

  const layersOverlappingBeginning = new Map<string, Uint8Array>();
  const layersOverlapping = (glob: string): Uint8Array => {
    const beginning = literalBeginning(glob);
    const known = layersOverlappingBeginning.get(beginning);
    if (known !== undefined) return known;
    const layers = new Uint8Array(count);
    const markAll = (indexes: ReadonlySet<number> | undefined) => indexes?.forEach((index) => (layers[index] = 1));
    for (let end = 0; end <= beginning.length; end++) markAll(layersByBeginning.get(beginning.slice(0, end)));
    for (let next = lowerBound(beginnings, beginning); next < beginnings.length; next++) {
      const longer = defined(beginnings[next], "a beginning before the end");
      if (!longer.startsWith(beginning)) break;
      markAll(layersByBeginning.get(longer));
    }
    layersOverlappingBeginning.set(beginning, layers);
    return layers;
  };

  return {
    earlierOverlapping: (index) => {
      const earlier: number[] = [];
      for (let other = 0; other < index; other++) if (overlaps[index * count + other] === 1) earlier.push(other);
      return earlier;
    },
    overlapping: (entries, index) => entries.filter((entry) => layersOverlapping(entry.glob)[index] === 1),
  };
}

/** The first position in the sorted list whose text is not before `text`. */
function lowerBound(sorted: readonly string[], text: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (defined(sorted[middle], "a text between the bounds") < text) low = middle + 1;
    else high = middle;
  }
  return low;
}
