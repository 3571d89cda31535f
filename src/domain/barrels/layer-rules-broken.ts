import type { LayerClassifier } from "../classify/layer-classifier.js";
import { NODE_MODULES_REGEX } from "../compile/compile-rules.js";
import type { RuleMeaning } from "../compile/rule-set.js";
import type { TypeOnlyImportsPolicy } from "../map/layer-map.js";
import type { RulesBroken } from "./attribute-barrel-imports.js";

export interface LayerRuleContext {
  readonly classifier: LayerClassifier;
  readonly meanings: ReadonlyMap<string, RuleMeaning>;
  readonly typeOnlyImports: TypeOnlyImportsPolicy;
}

/**
 * The compiled layer rules a local import from a checked (so never excluded) file would break, judged
 * as dependency-cruiser judges them: first-match layers of both ends, nothing under node_modules,
 * type-only imports spared under `typeOnlyImports: allow`. For edges dependency-cruiser never saw.
 */
export function layerRulesBroken(context: LayerRuleContext): RulesBroken {
  const nodeModules = new RegExp(NODE_MODULES_REGEX);
  const layerRules = [...context.meanings].flatMap(([name, meaning]) =>
    meaning.kind === "layer"
      ? [{ name, fromLayers: meaning.fromLayers, toLayers: meaning.toLayers ?? [meaning.toLayer] }]
      : [],
  );
  return (from, to, typeOnly) => {
    if (typeOnly && context.typeOnlyImports === "allow") return [];
    if (nodeModules.test(to)) return [];
    const fromLayer = context.classifier.layerOf(from);
    const toLayer = context.classifier.layerOf(to);
    if (fromLayer === null || toLayer === null) return [];
    return layerRules
      .filter((rule) => rule.fromLayers.includes(fromLayer) && rule.toLayers.includes(toLayer))
      .map((rule) => rule.name);
  };
}
