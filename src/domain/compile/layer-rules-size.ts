import { createLayerClassifier, type LayerClassifier } from "../classify/layer-classifier.js";
import type { MapIssue } from "../map/map-issue.js";
import type { LayerMap } from "../map/layer-map.js";
import { compileRules, firstIndexOfEach, refusedLayers } from "./compile-rules.js";
import type { ForbiddenRule } from "./rule-set.js";
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

/**
 * The most regex text the rules of a map may hand dependency-cruiser: before a cruise it parses every
 * rule's regexes to check they are safe, at about 100 KB a second on one core, so this is about 5 s.
 */
const MAX_RULES_REGEX_BYTES = 512 * 1024;
/** The most repetitions (`*`, `+`, `?`, `{n,m}`) dependency-cruiser accepts in one regex of a rule. */
const MAX_REGEX_REPETITIONS = 10_000;

const WAY_OUT =
  "a rule lists the globs of every layer its layers may not import, and layers that may not import the same " +
  "layers share one; give layers the same mayImport where you can, or fewer, broader globs";

/**
 * The map's rules are more than dependency-cruiser can take in a few seconds, or at all: a problem at
 * `layers`, saying how to get under. The layers' estimate comes first, so a huge map is never compiled.
 */
export function layerRulesSizeIssue(map: LayerMap, mapFile: string): MapIssue | null {
  const classifier = createLayerClassifier(map.layers);
  const estimate = layerRulesSize(map, classifier);
  const issue = (message: string): MapIssue => ({ file: mapFile, keyPath: ["layers"], message });
  if (estimate > MAX_LAYER_RULES_BYTES)
    return issue(
      `the layers compile to about ${mib(estimate)} of rules, over the ${mib(MAX_LAYER_RULES_BYTES)} limit: ${WAY_OUT}`,
    );
  const regexes = compileRules(map, classifier).forbidden.flatMap(ruleRegexes);
  const size = regexes.reduce((sum, regex) => sum + regex.length, 0);
  if (size > MAX_RULES_REGEX_BYTES)
    return issue(
      `the rules compile to ${mib(size)} of regex, over the ${mib(MAX_RULES_REGEX_BYTES)} ` +
        `dependency-cruiser can check in a few seconds: ${WAY_OUT}`,
    );
  const repeated = Math.max(0, ...regexes.map(repetitionsIn));
  if (repeated > MAX_REGEX_REPETITIONS)
    return issue(
      `a rule's regex repeats ${repeated} times, over the ${MAX_REGEX_REPETITIONS} dependency-cruiser accepts ` +
        `(each wildcard is one): ${WAY_OUT}`,
    );
  return null;
}

function mib(bytes: number): string {
  const MiB = 1024 * 1024;
  return bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

function ruleRegexes(rule: ForbiddenRule): string[] {
  return [rule.from, rule.to].flatMap((side) => [side.path ?? [], side.pathNot ?? []].flat());
}

/**
 * The repetitions in a regex as layerlint writes them, as safe-regex counts them: `*`, `+`, `{` and `?`
 * outside a character class, not escaped, and `?` not opening a group (`(?:`, `(?!`).
 */
function repetitionsIn(regex: string): number {
  let count = 0;
  let inClass = false;
  for (let index = 0; index < regex.length; index++) {
    const char = regex[index];
    if (char === "\\") index++;
    // In JavaScript `]` always closes a class: `[^]` is one.
    else if (inClass) inClass = char !== "]";
    else if (char === "[") inClass = true;
    else if (char === "*" || char === "+" || char === "{" || (char === "?" && regex[index - 1] !== "(")) count++;
  }
  return count;
}
