import type { MapPointer } from "../diagnostics/diagnostic.js";
import type { Layer, LayerMap, WarnAllowance } from "../map/layer-map.js";
import { compareText } from "../violations/violation.js";
import type { ExplainContext, ImportEdge } from "./explain-context.js";

export interface LayerPairExplanation {
  readonly from: string;
  readonly to: string;
  readonly allowed: boolean;
  /** Why, in the map's terms. */
  readonly reason: string;
  readonly at: MapPointer | null;
  /** Every import from a file of `from` to a file of `to`. */
  readonly direct: readonly ImportEdge[];
  /**
   * When there is no direct import: the shortest chain of imports from a file of `from` to a file of `to`, or null when
   * none exists.
   */
  readonly chain: readonly ImportEdge[] | null;
}

/** `layerlint explain A B`: whether A may import B, by which line of the map, and every way A reaches B. */
export function explainLayers(context: ExplainContext, from: string, to: string): LayerPairExplanation {
  const { map, classifier, origins } = context;
  const layer = map.layers.find((candidate) => candidate.name === from);
  const allowed = from === to || (layer?.mayImport.includes(to) ?? false);
  const tolerated = layer?.warnImports?.find((allowance) => allowance.layer === to);
  const reason = pairReason(map, { from, to, layer, allowed, tolerated });
  const at =
    (allowed && from !== to) || tolerated !== undefined
      ? origins.layerKey(from, "mayImport", to)
      : origins.layerKey(from, "mayImport");

  const direct: ImportEdge[] = [];
  for (const module of context.modules) {
    if (classifier.layerOf(module.source) !== from) continue;
    for (const dependency of module.dependencies) {
      if (dependency.target === "local" && classifier.layerOf(dependency.resolved) === to)
        direct.push({ from: module.source, to: dependency.resolved, specifier: dependency.specifier });
    }
  }
  direct.sort(
    (a, b) => compareText(a.from, b.from) || compareText(a.to, b.to) || compareText(a.specifier, b.specifier),
  );
  return {
    from,
    to,
    allowed,
    reason,
    at,
    direct,
    chain: direct.length > 0 || from === to ? null : shortestChain(context, from, to),
  };
}

interface LayerPair {
  readonly from: string;
  readonly to: string;
  /** The layer `from` names in the map, if any. */
  readonly layer: Layer | undefined;
  readonly allowed: boolean;
  readonly tolerated: WarnAllowance | undefined;
}

/** Why a file of `from` may, may at severity warn, or may not import a file of `to`, in the map's words. */
function pairReason(map: LayerMap, { from, to, layer, allowed, tolerated }: LayerPair): string {
  if (from === to) return "a layer may always import itself";
  if (allowed) {
    const surface = publicSurface(map.layers.find((candidate) => candidate.name === to)?.public);
    return `${to} is on layers.${from}.mayImport${surface}`;
  }
  if (tolerated !== undefined) {
    const why = tolerated.reason === null ? "" : ` (${tolerated.reason})`;
    const reported = "its imports are reported without failing the check";
    return `${to} is not allowed, but layers.${from}.mayImport tolerates it at severity warn${why}: ${reported}`;
  }
  if (layer?.mayImport.length === 0) return `${from} may import no other layer (mayImport is empty or absent)`;
  return `layers.${from}.mayImport lists ${layer?.mayImport.join(", ")}; ${to} is not among them`;
}

/** For a target with `public` globs: only those files may be imported (the rest are `private` violations). */
function publicSurface(globs: readonly string[] | undefined): string {
  return globs === undefined
    ? ""
    : `, through its public files only (${globs.join(", ")}): importing any other file of it is a private violation`;
}

/** Breadth-first over local imports from every file of `from` at once; the first file of `to` reached ends it. */
function shortestChain(context: ExplainContext, from: string, to: string): ImportEdge[] | null {
  const { classifier } = context;
  const bySource = new Map(context.modules.map((module) => [module.source, module]));
  const starts = context.modules
    .map((module) => module.source)
    .filter((source) => classifier.layerOf(source) === from)
    .sort(compareText);
  const reachedBy = new Map<string, ImportEdge | null>(starts.map((start) => [start, null]));
  const queue = [...starts];
  // A for-of over an array reaches what is pushed onto it meanwhile: a breadth-first walk.
  for (const file of queue) {
    const dependencies = [...(bySource.get(file)?.dependencies ?? [])]
      .filter((dependency) => dependency.target === "local")
      .sort((a, b) => compareText(a.resolved, b.resolved));
    for (const dependency of dependencies) {
      if (reachedBy.has(dependency.resolved)) continue;
      const edge = { from: file, to: dependency.resolved, specifier: dependency.specifier };
      reachedBy.set(dependency.resolved, edge);
      if (classifier.layerOf(dependency.resolved) === to) {
        const chain = [edge];
        for (let previous = reachedBy.get(edge.from); previous; previous = reachedBy.get(previous.from))
          chain.push(previous);
        return chain.reverse();
      }
      queue.push(dependency.resolved);
    }
  }
  return null;
}
