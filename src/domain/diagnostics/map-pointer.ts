import type { LayerMapFile } from "../map/layer-map-schema.js";
import { mergeLayerMaps, type MergedLayerMap, type SourcedLayerMapFile } from "../map/merge-layer-maps.js";
import type { MapPointer } from "./diagnostic.js";

type LayerKey = "paths" | "mayImport" | "packages" | "public";

/** Finds which file of the extends chain says what, so findings can point at the line that says it. */
export interface MapOrigins {
  readonly merged: MergedLayerMap;
  /** The user's own map file: the last of the chain. */
  readonly mapFile: string;
  /** The layer's key where the file that last set it says it (the layer itself when no file sets the key). */
  layerKey(layer: string, key: LayerKey, item?: string): MapPointer | null;
  /** The layer's own entry in the file that first defines it. */
  layer(layer: string): MapPointer | null;
}

export function mapOrigins(sources: readonly SourcedLayerMapFile[]): MapOrigins {
  const merged = mergeLayerMaps(sources);
  const contentOf = (file: string): LayerMapFile | undefined => sources.find((source) => source.file === file)?.content;
  const layer = (name: string): MapPointer | null => {
    const draft = merged.layers.find((candidate) => candidate.name === name);
    return draft === undefined ? null : { file: draft.definedIn, keyPath: ["layers", name], atKey: true };
  };
  return {
    merged,
    mapFile: sources[sources.length - 1]?.file ?? "",
    layer,
    layerKey(name, key, item) {
      const draft = merged.layers.find((candidate) => candidate.name === name);
      const file = draft?.origins[key];
      if (draft === undefined || file === undefined) return layer(name);
      if (item === undefined) return { file, keyPath: ["layers", name, key] };
      const written = contentOf(file)?.layers?.[name]?.[key];
      const index = Array.isArray(written)
        ? written.findIndex((entry) => entry === item || (typeof entry === "object" && entry.layer === item))
        : -1;
      return index === -1 ? { file, keyPath: ["layers", name, key] } : { file, keyPath: ["layers", name, key, index] };
    },
  };
}
