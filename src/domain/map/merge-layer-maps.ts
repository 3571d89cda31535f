import type { WarningLevels } from "../report/warning-levels.js";
import { closestName } from "./closest-name.js";
import type {
  ContextsFileEntry,
  ExceptionFileEntry,
  LayerMapFile,
  WarnAllowanceFileEntry,
} from "./layer-map-schema.js";
import type { MapIssue } from "./map-issue.js";
import { quoted } from "../quoted-name.js";

/** One parsed map file and the file it came from. */
export interface SourcedLayerMapFile {
  readonly file: string;
  readonly content: LayerMapFile;
}

type LayerKey = "paths" | "mayImport" | "packages" | "description" | "maxLines" | "public";

/** A `mayImport` entry as written: a layer name, or a layer tolerated at severity warn. */
export type MayImportEntry = string | WarnAllowanceFileEntry;

/** The layer a `mayImport` entry names. */
export function mayImportTarget(entry: MayImportEntry): string {
  return typeof entry === "string" ? entry : entry.layer;
}

/** A layer as the files in the extends chain left it, with the file that set each key. */
export interface DraftLayer {
  readonly name: string;
  readonly definedIn: string;
  readonly values: Partial<Record<LayerKey, string | string[] | number | MayImportEntry[]>>;
  readonly origins: Partial<Record<LayerKey, string>>;
}

type TopKey =
  | "name"
  | "include"
  | "exclude"
  | "tsconfig"
  | "typeOnlyImports"
  | "unassigned"
  | "cycles"
  | "maxLines"
  | "exceptions"
  | "throughBarrels"
  | "warnings"
  | "contexts";
type TopValue = string | string[] | number | boolean | ExceptionFileEntry[] | ContextsFileEntry | WarningLevels;

export interface MergedLayerMap {
  readonly values: Partial<Record<TopKey, TopValue>>;
  readonly origins: Partial<Record<TopKey, string>>;
  readonly layers: readonly DraftLayer[];
  /** Removals (`name: null`) of layers that no earlier file defines. */
  readonly issues: readonly MapIssue[];
}

const LAYER_KEYS: readonly LayerKey[] = ["paths", "mayImport", "packages", "description", "maxLines", "public"];

/**
 * Applies files in order (presets first, the user's file last). Later files replace the keys they
 * set; lists are replaced, not merged; a layer set to null is removed, and with it every earlier
 * mention in other layers' mayImport; layer order is the order of first appearance.
 */
export function mergeLayerMaps(files: readonly SourcedLayerMapFile[]): MergedLayerMap {
  const values: MergedLayerMap["values"] = {};
  const origins: MergedLayerMap["origins"] = {};
  const layers = new Map<string, DraftLayer>();
  const issues: MapIssue[] = [];

  for (const { file, content } of files) {
    const topLevel: Partial<Record<TopKey, TopValue | undefined>> = {
      name: content.name,
      include: content.include,
      exclude: content.exclude,
      tsconfig: content.tsconfig,
      typeOnlyImports: content.options?.typeOnlyImports,
      unassigned: content.options?.unassigned,
      cycles: content.options?.cycles,
      maxLines: content.options?.maxLines,
      exceptions: content.exceptions,
      throughBarrels: content.options?.throughBarrels,
      warnings: content.options?.warnings,
      contexts: content.contexts,
    };
    for (const [key, value] of Object.entries(topLevel) as [TopKey, TopValue | undefined][]) {
      if (value === undefined) continue;
      values[key] = value;
      origins[key] = file;
    }
    for (const [name, entry] of Object.entries(content.layers ?? {})) {
      if (entry === null) {
        if (!layers.delete(name)) {
          const suggestion = closestName(name, [...layers.keys()]);
          issues.push({
            file,
            keyPath: ["layers", name],
            atKey: true,
            message: `cannot remove unknown layer ${quoted(name)}: no extended preset defines it${suggestion ? `; did you mean ${quoted(suggestion)}?` : ""}`,
          });
        }
        for (const other of layers.values()) {
          const mayImport = other.values.mayImport;
          if (Array.isArray(mayImport))
            other.values.mayImport = (mayImport as MayImportEntry[]).filter((entry) => mayImportTarget(entry) !== name);
        }
        continue;
      }
      const layer = layers.get(name) ?? { name, definedIn: file, values: {}, origins: {} };
      for (const key of LAYER_KEYS) {
        const value = entry[key];
        if (value === undefined) continue;
        layer.values[key] = value;
        layer.origins[key] = file;
      }
      layers.set(name, layer);
    }
  }
  return { values, origins, layers: [...layers.values()], issues };
}
