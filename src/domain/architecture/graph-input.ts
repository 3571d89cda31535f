import type { LayerClassifier } from "../classify/layer-classifier.js";
import type { RuleMeaning } from "../compile/rule-set.js";
import type { GraphDependency, GraphModule } from "../graph/module-graph.js";
import type { LayerMap } from "../map/layer-map.js";

/** What every architecture graph is drawn from: one analysis of the project. */
export interface GraphInput {
  readonly map: LayerMap;
  readonly classifier: LayerClassifier;
  readonly meanings: ReadonlyMap<string, RuleMeaning>;
  /** Each rule's severity by name: a rule missing here counts as an error. */
  readonly severities: ReadonlyMap<string, "error" | "warn">;
  /** The checked modules (include minus exclude) with their dependencies. */
  readonly modules: readonly GraphModule[];
}

/** A dependency between two checked modules. */
export interface LocalDependency {
  readonly from: string;
  readonly to: string;
  readonly violation: boolean;
  /** The worst severity among the rules it breaks; null when it breaks none. */
  readonly severity: EdgeSeverity;
}

export type EdgeSeverity = "error" | "warn" | null;

/**
 * Dependencies from checked files to checked files, each flagged when it breaks a rule of that kind (default: a layer
 * rule).
 */
export function localDependencies(input: GraphInput, kind: "layer" | "context" = "layer"): LocalDependency[] {
  const checked = new Set(input.modules.map((module) => module.source));
  return input.modules.flatMap((module) =>
    module.dependencies
      .filter((dependency) => dependency.target === "local" && checked.has(dependency.resolved))
      .map((dependency) => {
        const severity = severityOf(dependency, input, kind);
        return { from: module.source, to: dependency.resolved, violation: severity !== null, severity };
      }),
  );
}

function severityOf(dependency: GraphDependency, input: GraphInput, kind: "layer" | "context"): EdgeSeverity {
  const broken = dependency.brokenRules.filter((rule) => input.meanings.get(rule)?.kind === kind);
  if (broken.length === 0) return null;
  return broken.every((rule) => input.severities.get(rule) === "warn") ? "warn" : "error";
}

/** The worse of two severities: error over warn over none. */
export function worseSeverity(a: EdgeSeverity, b: EdgeSeverity): EdgeSeverity {
  return a === "error" || b === "error" ? "error" : (a ?? b);
}
