import { compileGlobList, unionOf, type CompiledGlob } from "../glob/compile-glob.js";
import type { Layer } from "../map/layer-map.js";

export type { CompiledGlob };

export interface LayerMatcher {
  readonly name: string;
  /** One per entry of `paths` without `!`, the `!` entries after it folded in. */
  readonly globs: readonly CompiledGlob[];
  /** The layer's globs as one alternation. */
  readonly regex: string;
  /** The layer's `public` globs; null when every file of the layer is public. */
  readonly publicGlobs: readonly CompiledGlob[] | null;
}

export interface LayerClassifier {
  readonly matchers: readonly LayerMatcher[];
  /** The first layer, in map order, whose globs match the path; null when none does. */
  layerOf(path: string): string | null;
  /** Every layer whose globs match the path, in map order. */
  layersClaiming(path: string): string[];
  /** The globs (of any layer) that match the path. */
  globsMatching(path: string): CompiledGlob[];
  /** The first glob of the named layer that matches the path: what puts the file in that layer. */
  globOf(layer: string, path: string): CompiledGlob | null;
}

export function createLayerClassifier(layers: readonly Layer[]): LayerClassifier {
  const matchers = layers.map((layer): LayerMatcher => {
    const globs = compileGlobList(layer.paths);
    const publicGlobs = layer.public === null || layer.public === undefined ? null : compileGlobList(layer.public);
    return { name: layer.name, globs, regex: unionOf(globs.map((compiled) => compiled.regex)), publicGlobs };
  });
  const tests = matchers.map((matcher) => ({ name: matcher.name, test: new RegExp(matcher.regex) }));
  const globTests = matchers.flatMap((matcher) =>
    matcher.globs.map((glob) => ({ layer: matcher.name, glob, test: new RegExp(glob.regex) })),
  );

  return {
    matchers,
    layerOf: (path) => tests.find((layer) => layer.test.test(path))?.name ?? null,
    layersClaiming: (path) => tests.filter((layer) => layer.test.test(path)).map((layer) => layer.name),
    globsMatching: (path) => globTests.filter((entry) => entry.test.test(path)).map((entry) => entry.glob),
    globOf: (layer, path) => globTests.find((entry) => entry.layer === layer && entry.test.test(path))?.glob ?? null,
  };
}
