import type { ContextClassifier } from "../classify/context-classifier.js";
import type { LayerClassifier } from "../classify/layer-classifier.js";
import type { RuleMeaning } from "../compile/rule-set.js";
import type { MapOrigins } from "../diagnostics/map-pointer.js";
import type { GraphModule } from "../graph/module-graph.js";
import type { LayerMap } from "../map/layer-map.js";

/** What one analysis of the project knows, as the explanations need it. */
export interface ExplainContext {
  readonly map: LayerMap;
  readonly classifier: LayerClassifier;
  readonly contexts: ContextClassifier;
  readonly meanings: ReadonlyMap<string, RuleMeaning>;
  readonly origins: MapOrigins;
  /** The checked files (include minus exclude) and those exclude removed. */
  readonly checked: readonly string[];
  readonly excluded: readonly string[];
  /** The checked modules with their dependencies. */
  readonly modules: readonly GraphModule[];
}

/** One import statement by its specifier; the application finds its line when rendering. */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  readonly specifier: string;
}
