import type { LayerClassifier } from "../classify/layer-classifier.js";
import { escapeGlob } from "../glob/escape-glob.js";
import type { GraphModule } from "../graph/module-graph.js";
import type { LayerMap } from "../map/layer-map.js";
import type { Diagnostic } from "./diagnostic.js";
import { suggestLayer } from "./suggest-layer.js";
import { listed, quoted } from "../quoted-name.js";

export interface UnclaimedGroup {
  /** `folder/**` when every checked file under the folder is unclaimed, else the file itself: a glob, escaped. */
  readonly glob: string;
  readonly files: readonly string[];
}

/** Unclaimed files gathered under the shallowest folder that holds nothing but unclaimed files. */
export function groupUnclaimed(classifier: LayerClassifier, files: readonly string[]): UnclaimedGroup[] {
  const claimedFolders = new Set<string>();
  const unclaimed: string[] = [];
  for (const file of files) {
    if (classifier.layerOf(file) === null) unclaimed.push(file);
    else for (const folder of foldersOf(file)) claimedFolders.add(folder);
  }
  const groups = new Map<string, string[]>();
  for (const file of unclaimed) {
    const folder = foldersOf(file).find((candidate) => !claimedFolders.has(candidate));
    const glob = folder === undefined ? escapeGlob(file) : `${escapeGlob(folder)}/**`;
    groups.set(glob, [...(groups.get(glob) ?? []), file]);
  }
  return [...groups].map(([glob, grouped]) => ({ glob, files: grouped }));
}

/** `a/b/c.ts` → `a`, `a/b`: its folders, shallowest first. */
function foldersOf(file: string): string[] {
  const parts = file.split("/").slice(0, -1);
  return parts.map((_, index) => parts.slice(0, index + 1).join("/"));
}

export function unclaimedFindings(
  map: LayerMap,
  classifier: LayerClassifier,
  files: readonly string[],
  modules: readonly GraphModule[],
): Diagnostic[] {
  return groupUnclaimed(classifier, files).map((group) => {
    const suggestion = suggestLayer(group.files, map, classifier, modules);
    const count = group.files.length === 1 ? "1 file" : `${group.files.length} files`;
    const hint =
      suggestion.layer === null
        ? `${suggestion.reason}: add ${quoted(group.glob)} to the paths of the layer it belongs to, or to exclude`
        : `add ${quoted(group.glob)} to layers.${suggestion.layer}.paths: ${suggestion.reason}`;
    return {
      code: "unclaimed-files",
      severity: map.options.unassigned === "off" ? "info" : "warning",
      message: `${listed(group.glob)}: ${count} in no layer`,
      hint,
      at: null,
      files: group.files,
    };
  });
}
