import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nodeFileSystem } from "../../src/adapters/file-system/node-file-system.js";
import { presetLocator } from "../../src/adapters/presets/preset-locator.js";
import { yamlReader } from "../../src/adapters/yaml/yaml-reader.js";
import { loadLayerMap } from "../../src/application/load-layer-map.js";
import { createLayerClassifier, type LayerMatcher } from "../../src/domain/classify/layer-classifier.js";
import { layerOverlaps } from "../../src/domain/compile/layer-overlaps.js";
import { globsCannotOverlap } from "../../src/domain/glob/compile-glob.js";
import type { Layer } from "../../src/domain/map/layer-map.js";
import { REPO_ROOT } from "../helpers/run-built-cli.js";

/**
 * The rule compiler learns which layers could claim the same files from an index of the globs' literal
 * beginnings instead of trying every pair of globs; its answers must be exactly the pairwise ones, which
 * keeps the compiled rules byte for byte what they were.
 */

function pairwise(matchers: readonly LayerMatcher[]) {
  const overlapping = (globs: readonly string[], index: number) =>
    globs.filter((glob) => (matchers[index] as LayerMatcher).globs.some((own) => !globsCannotOverlap(glob, own.glob)));
  return {
    earlierOverlapping: (index: number) =>
      matchers.flatMap((other, otherIndex) =>
        otherIndex < index &&
        overlapping(
          other.globs.map((compiled) => compiled.glob),
          index,
        ).length > 0
          ? [otherIndex]
          : [],
      ),
    overlapping,
  };
}

function expectSameAnswers(layers: readonly Layer[], probes: readonly string[]): void {
  const matchers = createLayerClassifier(layers).matchers;
  const indexed = layerOverlaps(matchers);
  const naive = pairwise(matchers);
  matchers.forEach((_, index) => {
    expect(indexed.earlierOverlapping(index)).toEqual(naive.earlierOverlapping(index));
    expect(
      indexed
        .overlapping(
          probes.map((glob) => ({ glob })),
          index,
        )
        .map((entry) => entry.glob),
    ).toEqual(naive.overlapping(probes, index));
  });
}

const layer = (name: string, paths: readonly string[]): Layer =>
  ({ name, paths: [...paths], mayImport: [], public: null, packages: null }) as unknown as Layer;

function layerMapsUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name === "layers.yaml" && !entry.parentPath.includes("node_modules"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

describe("layer overlaps by literal beginnings", () => {
  it("answer as the pairwise glob checks do on random globs sharing beginnings, wildcards anywhere", () => {
    const segment = fc.constantFrom("src", "s", "sr", "a", "ab", "*", "**", "x*", "{a,b}", "<context>", "a?");
    const glob = fc.array(segment, { minLength: 1, maxLength: 4 }).map((segments) => segments.join("/"));
    const globs = fc.array(glob, { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(globs, { minLength: 1, maxLength: 8 }), globs, (paths, probes) => {
        expectSameAnswers(
          paths.map((own, index) => layer(`l${index}`, own)),
          probes,
        );
      }),
      { numRuns: 300 },
    );
  });

  it("answer as the pairwise glob checks do for every layer map of the fixtures and the repository's own", async () => {
    const maps = [...layerMapsUnder(join(REPO_ROOT, "tests/fixtures")), join(REPO_ROOT, "layers.yaml")];
    const ports = { fileSystem: nodeFileSystem, yaml: yamlReader, presets: presetLocator };
    let compared = 0;
    for (const mapFile of maps) {
      const loaded = await loadLayerMap(ports, mapFile, dirname(mapFile)).catch(() => null);
      if (loaded === null) continue;
      expectSameAnswers(loaded.map.layers, loaded.map.exclude);
      compared++;
    }
    expect(compared).toBeGreaterThan(30);
  });

  it("find no overlap between 50 layers of 100 disjoint folders each, and the layers an exclude glob could reach", () => {
    const layers = Array.from({ length: 50 }, (_, l) =>
      layer(
        `l${l}`,
        Array.from({ length: 100 }, (_, g) => `src/l${l}/f${g}/**`),
      ),
    );
    const matchers = createLayerClassifier(layers).matchers;
    const indexed = layerOverlaps(matchers);
    expect(matchers.map((_, index) => indexed.earlierOverlapping(index).length)).toEqual(layers.map(() => 0));
    expect(
      indexed
        .overlapping(
          ["**/*.test.ts", "src/l3/f7/x.ts", "lib/**"].map((glob) => ({ glob })),
          3,
        )
        .map((entry) => entry.glob),
    ).toEqual(["**/*.test.ts", "src/l3/f7/x.ts"]);
  });
});
