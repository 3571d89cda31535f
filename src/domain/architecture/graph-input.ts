import type { LayerClassifier } from "../classify/layer-classifier.js";
import type { RuleMeaning } from "../compile/rule-set.js";
import type { GraphDependency, GraphModule } from "../graph/module-graph.js";
import type { LayerMap } from "../map/layer-map.js";

/** What every architecture graph is drawn from: one analysis of the project. */
export interface GraphInput {
  readonly map: LayerMap;
  readonly classifier: LayerClassifier;
  readonly meanings: ReadonlyMap<string, RuleMeaning>;
  /** The checked modules (include minus exclude) with their dependencies. */
  readonly modules: readonly GraphModule[];
}

/** A dependency between two checked modules. */
export interface LocalDependency {
  readonly from: string;
  readonly to: string;
  readonly violation: boolean;
}

/** Dependencies from checked files to checked files, each flagged when it breaks a rule of that kind (default: a layer rule). */
export function localDependencies(input: GraphInput, kind: "layer" | "context" = "layer"): LocalDependency[] {
  const checked = new Set(input.modules.map((module) => module.source));
  return input.modules.flatMap((module) =>
    module.dependencies
      .filter((dependency) => dependency.target === "local" && checked.has(dependency.resolved))
      .map((dependency) => ({
        from: module.source,
        to: dependency.resolved,
        violation: breaksRule(dependency, input.meanings, kind),
      })),
  );
}

function breaksRule(
  dependency: GraphDependency,
  meanings: ReadonlyMap<string, RuleMeaning>,
  kind: "layer" | "context",
): boolean {
  return dependency.brokenRules.some((rule) => meanings.get(rule)?.kind === kind);
}
