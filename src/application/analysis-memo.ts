import type { LayerClassifier } from "../domain/classify/layer-classifier.js";
import type { GraphModule } from "../domain/graph/module-graph.js";
import type { CheckWarning } from "../domain/report/check-report.js";
import type { UnlocatedViolation } from "../domain/violations/find-violations.js";
import { createCycleMemo, type CycleMemo } from "../domain/violations/find-cycle-violations.js";
import type { Violation } from "../domain/violations/violation.js";
import type { FileSelection } from "./select-files.js";

/**
 * What a long-lived session (the language server) keeps from one analysis of a project to the next, so
 * that a change costs what it touches: the answer is always the one an analysis without it gives. It holds
 * for one map (a different map empties it) and relies on the session to say when files are added,
 * removed or resized (`relist`); a changed file's module is a new object, which is how the rest notices.
 */
export interface AnalysisMemo {
  /** The map (as JSON) and folder the rest was computed for. */
  map: string;
  /** The last listing of the files; null to list them again. */
  selection: FileSelection | null;
  /** Each path's layer. */
  readonly layers: Map<string, string | null>;
  /** The coverage warnings of the last listing. */
  coverage: { readonly selection: FileSelection; readonly warnings: readonly CheckWarning[] } | null;
  readonly cycles: CycleMemo;
  /** Each module's violations (findViolations of it alone), while it is the same object. */
  readonly violations: WeakMap<GraphModule, readonly UnlocatedViolation[]>;
  /** A violation placed at its import statements, per unplaced violation: its file has not changed since. */
  readonly located: WeakMap<UnlocatedViolation, Violation>;
}

export function createAnalysisMemo(): AnalysisMemo {
  return {
    map: "",
    selection: null,
    layers: new Map(),
    coverage: null,
    cycles: createCycleMemo(),
    violations: new WeakMap(),
    located: new WeakMap(),
  };
}

const checkedSets = new WeakMap<FileSelection, ReadonlySet<string>>();

/** Whether the last listing checks this file (relative to the map's folder): false when there is none. */
export function isListed(memo: AnalysisMemo, file: string): boolean {
  const selection = memo.selection;
  if (selection === null) return false;
  let checked = checkedSets.get(selection);
  if (checked === undefined) {
    checked = new Set(selection.checked);
    checkedSets.set(selection, checked);
  }
  return checked.has(file);
}

/** Forgets the listing: a file was added, removed or changed size (or might have). */
export function relist(memo: AnalysisMemo): void {
  memo.selection = null;
}

/** The memo for this map: emptied when the map (or its folder) is not the one it was filled for. */
export function memoFor(memo: AnalysisMemo, mapKey: string): AnalysisMemo {
  if (memo.map === mapKey) return memo;
  Object.assign(memo, { ...createAnalysisMemo(), map: mapKey });
  return memo;
}

/** The classifier with each path's layer remembered in the memo. */
export function rememberingLayers(classifier: LayerClassifier, layers: Map<string, string | null>): LayerClassifier {
  return {
    ...classifier,
    layerOf(path) {
      let layer = layers.get(path);
      if (layer === undefined) {
        layer = classifier.layerOf(path);
        layers.set(path, layer);
      }
      return layer;
    },
  };
}
