import { didYouMean } from "./closest-name.js";
import type { LayerMapFile, WarnAllowanceFileEntry } from "./layer-map-schema.js";
import type { MapIssue } from "./map-issue.js";
import { quoted } from "../quoted-name.js";

/** One parsed map file and the file it came from. */
export interface SourcedLayerMapFile {
  readonly file: string;
  readonly content: LayerMapFile;
}

type LayerFileEntry = NonNullable<NonNullable<LayerMapFile["layers"]>[string]>;
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
  readonly values: Pick<LayerFileEntry, LayerKey>;
  readonly origins: Partial<Record<LayerKey, string>>;
}

type Options = NonNullable<LayerMapFile["options"]>;

/** The top-level keys and options of a map file, as the last file in the chain that sets each one wrote it. */
export interface TopValues
  extends
    Pick<LayerMapFile, "name" | "include" | "exclude" | "tsconfig" | "exceptions" | "contexts">,
    Pick<Options, "typeOnlyImports" | "unassigned" | "cycles" | "maxLines" | "throughBarrels" | "warnings"> {}
type TopKey = keyof TopValues;

export interface MergedLayerMap {
  readonly values: TopValues;
  readonly origins: Partial<Record<TopKey, string>>;
  readonly layers: readonly DraftLayer[];
  /** Removals (`name: null`) of layers that no earlier file defines. */
  readonly issues: readonly MapIssue[];
}

const LAYER_KEYS: readonly LayerKey[] = ["paths", "mayImport", "packages", "description", "maxLines", "public"];
const TOP_KEYS: readonly TopKey[] = [
  "name",
  "include",
  "exclude",
  "tsconfig",
  "typeOnlyImports",
  "unassigned",
  "cycles",
  "maxLines",
  "exceptions",
  "throughBarrels",
  "warnings",
  "contexts",
];

/**
 * Applies files in order (presets first, the user's file last). Later files replace the keys they
 * set; lists are replaced, not merged; a layer set to null is removed, and with it every earlier
 * mention in other layers' mayImport; layer order is the order of first appearance.
 */
export function mergeLayerMaps(files: readonly SourcedLayerMapFile[]): MergedLayerMap {
  const values: TopValues = {};
  const origins: MergedLayerMap["origins"] = {};
  const layers = new Map<string, DraftLayer>();
  const issues: MapIssue[] = [];

  for (const { file, content } of files) {
    const topLevel: TopValues = {
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
    for (const key of TOP_KEYS) {
      if (topLevel[key] === undefined) continue;
      copyKey(topLevel, values, key);
      origins[key] = file;
    }
    for (const [name, entry] of Object.entries(content.layers ?? {})) {
      if (entry === null) {
        if (!layers.delete(name)) {
          const suggestion = didYouMean(name, [...layers.keys()]);
          issues.push({
            file,
            keyPath: ["layers", name],
            atKey: true,
            message: `cannot remove unknown layer ${quoted(name)}: no extended preset defines it${suggestion}`,
          });
        }
        for (const other of layers.values()) {
          const mayImport = other.values.mayImport;
          if (mayImport !== undefined)
            other.values.mayImport = mayImport.filter((entry) => mayImportTarget(entry) !== name);
        }
        continue;
      }
      const layer = layers.get(name) ?? { name, definedIn: file, values: {}, origins: {} };
      for (const key of LAYER_KEYS) {
        if (entry[key] === undefined) continue;
        copyKey(entry, layer.values, key);
        layer.origins[key] = file;
      }
      layers.set(name, layer);
    }
  }
  return { values, origins, layers: [...layers.values()], issues };
}

function copyKey<T, K extends keyof T>(from: T, to: T, key: K): void {
  to[key] = from[key];
}
