/** A layer map after presets are applied and every reference is validated. */

export type TypeOnlyImportsPolicy = "check" | "allow";
export type UnassignedPolicy = "error" | "warn" | "off";

export interface Layer {
  readonly name: string;
  readonly paths: readonly string[];
  /** Other layers this layer may import (never contains the layer itself). */
  readonly mayImport: readonly string[];
  /** Allowed packages and built-ins; `null` means any. */
  readonly packages: readonly string[] | null;
  readonly description: string | null;
}

export interface LayerMapOptions {
  readonly typeOnlyImports: TypeOnlyImportsPolicy;
  readonly unassigned: UnassignedPolicy;
}

export interface LayerMap {
  readonly name: string | null;
  /** Folders or files to check, relative to the map's folder. */
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /** A tsconfig path relative to the map's folder, or null for none. */
  readonly tsconfig: string | null;
  readonly options: LayerMapOptions;
  readonly layers: readonly Layer[];
  /** Presets applied, in order, as written in `extends`. */
  readonly presets: readonly string[];
}
