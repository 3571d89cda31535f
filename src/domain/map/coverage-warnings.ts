import type { LayerClassifier } from "../classify/layer-classifier.js";
import type { CheckWarning } from "../report/check-report.js";
import { said } from "../message-words.js";

/**
 * Warnings about the map measured against the files it was checked on: dependency-cruiser passes a
 * rule whose paths match nothing in silence, so layerlint says it.
 */
export function coverageWarnings(classifier: LayerClassifier, files: readonly string[]): CheckWarning[] {
  const warnings: CheckWarning[] = [];
  const usedGlobs = new Set<string>();
  const usedLayers = new Set<string>();
  const publicTests = new Map(
    classifier.matchers.map((matcher) => [
      matcher.name,
      (matcher.publicGlobs ?? []).map((glob) => ({ glob, test: new RegExp(glob.regex) })),
    ]),
  );
  const usedPublicGlobs = new Set<string>();
  for (const file of files) {
    const claiming = classifier.layersClaiming(file);
    const [owner = ""] = claiming;
    for (const { glob, test } of publicTests.get(owner) ?? [])
      if (test.test(file)) usedPublicGlobs.add(`${owner}\u0000${glob.glob}`);
    for (const layer of claiming) usedLayers.add(layer);
    for (const glob of classifier.globsMatching(file)) usedGlobs.add(glob.regex);
  }
  for (const matcher of classifier.matchers) {
    if (!usedLayers.has(matcher.name)) {
      warnings.push({
        code: "layer-matches-nothing",
        ...said`layer ${matcher.name} matches no file: its rules can never fire`,
      });
      continue;
    }
    for (const glob of matcher.globs) {
      if (!usedGlobs.has(glob.regex)) {
        warnings.push({
          code: "glob-matches-nothing",
          ...said`glob "${glob.glob}" of layer ${matcher.name} matches no file`,
        });
      }
    }
    for (const glob of matcher.publicGlobs ?? []) {
      if (!usedPublicGlobs.has(`${matcher.name}\u0000${glob.glob}`)) {
        const unmatched = `matches no file of ${matcher.name}: nothing can be imported through it`;
        warnings.push({
          code: "glob-matches-nothing",
          ...said`public glob "${glob.glob}" of layer ${matcher.name} ${unmatched}`,
        });
      }
    }
  }
  return warnings;
}
