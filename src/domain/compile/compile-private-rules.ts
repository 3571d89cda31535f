import type { LayerClassifier, LayerMatcher } from "../classify/layer-classifier.js";
import type { LayerMap } from "../map/layer-map.js";
import type { ForbiddenRule, RuleMeaning } from "./rule-set.js";

export interface PrivateRule {
  readonly rule: ForbiddenRule;
  readonly meaning: RuleMeaning;
}

export function privateRuleName(layer: string): string {
  return `${layer}-internals-are-private`;
}

/**
 * One rule per layer with `public` globs: files of the layers whose mayImport lists it may import only
 * its public files. Layers that may not import it at all already break a `layer` rule (one violation
 * per import, not two), and the layer's own files import each other freely, so neither is in `from`.
 * `from` is a union of first-match memberships, one regex each: `^(?!earlier layers)(?:layer)`.
 */
export function compilePrivateRules(
  map: LayerMap,
  classifier: LayerClassifier,
  excluded: readonly string[],
  typeOnly: readonly string[],
  nodeModules: string,
): PrivateRule[] {
  const matchers = classifier.matchers;
  return map.layers.flatMap((layer, index): PrivateRule[] => {
    const publicGlobs = (matchers[index] as LayerMatcher).publicGlobs;
    if (publicGlobs === null) return [];
    const importers = map.layers.flatMap((candidate, candidateIndex) =>
      candidate.mayImport.includes(layer.name) ? [{ name: candidate.name, index: candidateIndex }] : [],
    );
    if (importers.length === 0) return [];
    const name = privateRuleName(layer.name);
    const surface = publicGlobs.map((glob) => glob.glob).join(", ");
    const importerNames = importers.map((importer) => importer.name).join(", ");
    const rule: ForbiddenRule = {
      name,
      comment: `${importerNames} may import only the public files of ${layer.name}: ${surface}`,
      severity: "error",
      from: {
        path: importers.map((importer) => firstMatchRegex(matchers, importer.index)),
        ...(excluded.length > 0 ? { pathNot: [...excluded] } : {}),
      },
      to: {
        path: (matchers[index] as LayerMatcher).regex,
        pathNot: [...earlierRegexes(matchers, index), nodeModules, ...publicGlobs.map((glob) => glob.regex)],
        couldNotResolve: false,
        dependencyTypesNot: ["core", ...typeOnly],
      },
    };
    return [{ rule, meaning: { kind: "private", toLayer: layer.name } }];
  });
}

function earlierRegexes(matchers: readonly LayerMatcher[], index: number): string[] {
  return matchers.slice(0, index).map((matcher) => matcher.regex);
}

/** The files of the layer at `index` in one regex: its globs, unless an earlier layer claims the file. */
function firstMatchRegex(matchers: readonly LayerMatcher[], index: number): string {
  const own = (matchers[index] as LayerMatcher).regex;
  const earlier = earlierRegexes(matchers, index);
  return earlier.length === 0 ? `(?:${own})` : `^(?!${earlier.map((regex) => `(?:${regex})`).join("|")})(?:${own})`;
}
