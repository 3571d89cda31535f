import type { WarningLevels } from "../report/warning-levels.js";

/** A layer map after presets are applied and every reference is validated. */

export type TypeOnlyImportsPolicy = "check" | "allow";
export type UnassignedPolicy = "error" | "warn" | "off";
export type CyclesPolicy = "error" | "warn" | "off";

export interface Layer {
  readonly name: string;
  readonly paths: readonly string[];
  /** Other layers this layer may import (never contains the layer itself). */
  readonly mayImport: readonly string[];
  /**
   * Layers still not allowed whose imports are reported at severity warn (`{ layer, severity: warn }` in mayImport);
   * absent: none.
   */
  readonly warnImports?: readonly WarnAllowance[];
  /** Globs of the files other layers may import; absent: every file of the layer. */
  readonly public?: readonly string[];
  /** Allowed packages and built-ins; `null` means any. */
  readonly packages: readonly string[] | null;
  readonly description: string | null;
  /** Longer files of this layer are `size` violations; absent: the map's `options.maxLines`. */
  readonly maxLines?: number;
}

/** A layer tolerated at severity warn, and why. */
export interface WarnAllowance {
  readonly layer: string;
  readonly reason: string | null;
}

export interface LayerMapOptions {
  readonly typeOnlyImports: TypeOnlyImportsPolicy;
  readonly unassigned: UnassignedPolicy;
  readonly cycles: CyclesPolicy;
  /** null: no limit. */
  readonly maxLines: number | null;
  /** See through barrels: attribute their imports to the modules defining the names. */
  readonly throughBarrels: boolean;
  /** The level of each warning code the map sets (`options.warnings`); a code not listed is `warn`. */
  readonly warnings: WarningLevels;
}

/** A tolerated layer or package violation: `from` and `to` are globs, `until` a YYYY-MM-DD day or null. */
export interface LayerMapException {
  readonly from: string;
  readonly to: string;
  readonly reason: string;
  readonly until: string | null;
}

/** Context `from` may import context `to`: only its files of `layers`, or any file when `layers` is null. */
export interface ContextAllowance {
  readonly from: string;
  readonly to: string;
  readonly layers: readonly string[] | null;
}

/** Vertical slices: `pattern` holds the placeholder `<context>` once; `shared` is the shared kernel's globs. */
export interface ContextMap {
  readonly pattern: string;
  readonly shared: readonly string[];
  readonly allow: readonly ContextAllowance[];
  /** The public surface of every context (globs that may hold `<context>`); null: every file is public. */
  readonly public: readonly string[] | null;
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
  readonly exceptions: readonly LayerMapException[];
  /** null: the map declares no contexts. */
  readonly contexts: ContextMap | null;
  /** Presets applied, in order, as written in `extends`. */
  readonly presets: readonly string[];
}
