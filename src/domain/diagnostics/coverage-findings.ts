import type { LayerClassifier } from "../classify/layer-classifier.js";
import type { Diagnostic } from "./diagnostic.js";
import type { MapOrigins } from "./map-pointer.js";
import { defined } from "../collections/defined.js";
import { listed, quoted } from "../quoted-name.js";

/** Layers and globs that match no checked file, and files that several layers claim. */
export function coverageFindings(
  classifier: LayerClassifier,
  files: readonly string[],
  origins: MapOrigins,
): Diagnostic[] {
  if (files.length === 0) {
    return [
      {
        code: "nothing-checked",
        severity: "warning",
        message: "include and exclude leave no source file: nothing can be diagnosed against files",
        hint: "point include at the folders that hold the code",
        at: { file: origins.merged.origins.include ?? origins.mapFile, keyPath: ["include"] },
        files: [],
      },
    ];
  }
  const usage = coverageOf(classifier, files);
  return [
    ...unmatchedFindings(classifier, usage, origins),
    ...publicGlobFindings(classifier, files, origins),
    ...overlapFindings(usage.claimedBy, origins),
  ];
}

/** What the checked files use of the map: the layers and globs that claim one, and the files several layers claim. */
interface Coverage {
  readonly usedLayers: ReadonlySet<string>;
  /** By the glob's regex. */
  readonly usedGlobs: ReadonlySet<string>;
  /** The files claimed by each list of layers (joined with ", "), when it has several. */
  readonly claimedBy: ReadonlyMap<string, readonly string[]>;
}

function coverageOf(classifier: LayerClassifier, files: readonly string[]): Coverage {
  const usedGlobs = new Set<string>();
  const usedLayers = new Set<string>();
  const claimedBy = new Map<string, string[]>();
  for (const file of files) {
    const claiming = classifier.layersClaiming(file);
    for (const layer of claiming) usedLayers.add(layer);
    for (const glob of classifier.globsMatching(file)) usedGlobs.add(glob.regex);
    if (claiming.length > 1) {
      const key = claiming.join(", ");
      claimedBy.set(key, [...(claimedBy.get(key) ?? []), file]);
    }
  }
  return { usedLayers, usedGlobs, claimedBy };
}

/** A layer that claims no checked file, or else each of its globs that matches none. */
function unmatchedFindings(classifier: LayerClassifier, usage: Coverage, origins: MapOrigins): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const matcher of classifier.matchers) {
    if (!usage.usedLayers.has(matcher.name)) {
      findings.push({
        code: "layer-matches-nothing",
        severity: "warning",
        message: `layer ${matcher.name} matches no checked file: its rules can never fire`,
        hint: `fix its paths (${matcher.globs.map((glob) => quoted(glob.glob)).join(", ")}), or remove the layer`,
        at: origins.layerKey(matcher.name, "paths"),
        files: [],
      });
      continue;
    }
    for (const glob of matcher.globs) {
      if (usage.usedGlobs.has(glob.regex)) continue;
      findings.push({
        code: "glob-matches-nothing",
        severity: "warning",
        message: `glob ${quoted(glob.glob)} of layer ${matcher.name} matches no checked file`,
        hint: "fix the glob, or remove it",
        at: origins.layerKey(matcher.name, "paths", glob.glob),
        files: [],
      });
    }
  }
  return findings;
}

/** Files that several layers claim, one finding per list of layers: the first in map order wins them. */
function overlapFindings(claimedBy: Coverage["claimedBy"], origins: MapOrigins): Diagnostic[] {
  return [...claimedBy].map(([key, claimed]): Diagnostic => {
    const layers = key.split(", ");
    const [winner, runnerUp] = layers;
    const count = claimed.length === 1 ? "1 file is" : `${claimed.length} files are`;
    const examples = `${claimed.slice(0, 3).map(listed).join(", ")}${claimed.length > 3 ? ", …" : ""}`;
    const firstWins = "until then the first in map order wins";
    return {
      code: "claimed-by-several-layers",
      severity: "warning",
      message: `${count} claimed by ${layers.join(" and ")}: ${winner} wins, being first in map order (${examples})`,
      hint: `narrow the globs of ${layers.join(" or ")} so each file has one layer; ${firstWins}`,
      at: origins.layerKey(defined(runnerUp, "the second layer claiming them"), "paths"),
      files: claimed,
    };
  });
}

/** A public glob that matches no file of its own layer: nothing can be imported through it. */
function publicGlobFindings(classifier: LayerClassifier, files: readonly string[], origins: MapOrigins): Diagnostic[] {
  return classifier.matchers.flatMap((matcher) =>
    (matcher.publicGlobs ?? []).flatMap((glob): Diagnostic[] => {
      const test = new RegExp(glob.regex);
      if (files.some((file) => test.test(file) && classifier.layerOf(file) === matcher.name)) return [];
      const unmatched = `matches no checked file of ${matcher.name}: nothing can be imported through it`;
      return [
        {
          code: "glob-matches-nothing",
          severity: "warning",
          message: `public glob ${quoted(glob.glob)} of layer ${matcher.name} ${unmatched}`,
          hint: "write it relative to the map's folder, like paths, or remove it",
          at: origins.layerKey(matcher.name, "public", glob.glob),
          files: [],
        },
      ];
    }),
  );
}
