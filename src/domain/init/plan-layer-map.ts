import { createLayerClassifier, type LayerClassifier } from "../classify/layer-classifier.js";
import type { Layer } from "../map/layer-map.js";
import { compareText } from "../violations/violation.js";
import type { LayoutCandidate } from "./layout-candidate.js";
import { defined } from "../collections/defined.js";

export interface PlannedLayer extends Layer {
  /** The comment written above the layer. */
  readonly comment: string;
}

export interface InitPlan {
  readonly candidate: LayoutCandidate;
  readonly layers: readonly PlannedLayer[];
  /** Files the candidate's own globs classify, out of all files considered. */
  readonly classified: number;
  readonly files: number;
  /** Every candidate's count of classified files, in candidate order. */
  readonly scores: readonly { readonly name: string; readonly classified: number; readonly layers: number }[];
}

/**
 * Fits the project's source files (outside exclude) to the closest candidate: the one whose globs
 * classify the most files, then the one using the most layers, then the first. `forced` names a
 * candidate to use regardless. The plan keeps only layers that hold files, with globs naming the
 * project's real folders. Files no layer claims stay unassigned (reported at severity warn, for `doctor`
 * to suggest a layer), never put in a catch-all layer.
 */
export function planLayerMap(
  files: readonly string[],
  candidates: readonly LayoutCandidate[],
  forced: string | null,
): InitPlan {
  const scores = candidates.map((candidate) => {
    const classifier = createLayerClassifier(candidate.layers);
    const layers = new Set(files.map((file) => classifier.layerOf(file)).filter((layer) => layer !== null));
    return {
      name: candidate.name,
      classified: files.filter((file) => classifier.layerOf(file) !== null).length,
      layers: layers.size,
    };
  });
  const chosen =
    forced ??
    scores.reduce((best, score) =>
      score.classified > best.classified || (score.classified === best.classified && score.layers > best.layers)
        ? score
        : best,
    ).name;
  const candidate = candidates.find((entry) => entry.name === chosen) as LayoutCandidate;
  const classifier = createLayerClassifier(candidate.layers);

  const byLayer = new Map<string, string[]>();
  for (const file of files) {
    const layer = classifier.layerOf(file);
    if (layer !== null) byLayer.set(layer, [...(byLayer.get(layer) ?? []), file]);
  }
  const kept = candidate.layers.filter((layer) => byLayer.has(layer.name));
  const keptNames = new Set(kept.map((layer) => layer.name));
  const filesOf = (layer: { readonly name: string }) => defined(byLayer.get(layer.name), "the files of a kept layer");
  const exact = kept.map((layer) => ({
    layer,
    globs: realGlobs(classifier, layer, filesOf(layer), false),
  }));
  const collapsed = kept.map((layer) => ({
    layer,
    globs: realGlobs(classifier, layer, filesOf(layer), true),
  }));
  const planned = classifiesAsBefore(collapsed, classifier, files) ? collapsed : exact;

  const layers: PlannedLayer[] = planned.map(({ layer, globs }) => ({
    ...layer,
    paths: globs,
    mayImport: layer.mayImport.filter((target) => keptNames.has(target)),
    comment: `${layer.name}, after ${candidate.origin}${layer.description === null ? "" : `: ${layer.description}`}`,
  }));
  const classified = files.filter((file) => classifier.layerOf(file) !== null).length;
  return { candidate, layers, classified, files: files.length, scores };
}

/**
 * The folders (`src/orders/http/**`) or file globs (`src/**\/*.controller.ts`) that put these files in
 * the layer. With `collapse`, a folder name found in several places becomes one `<top>/**\/<name>/**`.
 */
function realGlobs(classifier: LayerClassifier, layer: Layer, files: readonly string[], collapse: boolean): string[] {
  const globs = new Set<string>();
  for (const file of files) {
    const glob = classifier.globOf(layer.name, file);
    if (glob === null) continue;
    if (!glob.glob.endsWith("/**")) {
      globs.add(glob.glob.includes("*") ? glob.glob : file);
      continue;
    }
    const test = new RegExp(glob.regex);
    const parts = file.split("/");
    const folder = parts
      .slice(0, -1)
      .map((_, index) => parts.slice(0, index + 1).join("/"))
      .find((candidate) => test.test(candidate));
    globs.add(`${folder ?? file}/**`);
  }
  if (!collapse) return [...globs].sort(compareText);
  const byName = new Map<string, string[]>();
  for (const glob of globs) {
    const folder = glob.endsWith("/**") && !glob.slice(0, -3).includes("*") ? glob.slice(0, -3) : null;
    const key =
      folder === null || !folder.includes("/") ? glob : `${folder.split("/")[0]}/**/${folder.split("/").pop()}/**`;
    byName.set(key, [...(byName.get(key) ?? []), glob]);
  }
  return [...byName].flatMap(([key, members]) => (members.length > 1 ? [key] : members)).sort(compareText);
}

/** Whether the planned globs put every file in the layer the candidate put it in, and in no other. */
function classifiesAsBefore(
  planned: readonly { layer: Layer; globs: string[] }[],
  before: LayerClassifier,
  files: readonly string[],
): boolean {
  const after = createLayerClassifier(planned.map(({ layer, globs }) => ({ ...layer, paths: globs })));
  return files.every((file) => {
    const claiming = after.layersClaiming(file);
    const expected = before.layerOf(file);
    return expected === null ? claiming.length === 0 : claiming.length === 1 && claiming[0] === expected;
  });
}
