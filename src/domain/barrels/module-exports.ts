/** What a module exports and what a file imports, as the source says: the facts seeing through barrels starts from. */

/**
 * One name a re-export makes available: `exported` here, `imported` in the module it comes from (`*`: that whole
 * module, as a namespace).
 */
export interface ReExportedName {
  readonly exported: string;
  readonly imported: string;
  readonly typeOnly: boolean;
}

/**
 * One re-export statement: `export * from`, `export * as ns from`, `export { a, b as c } from`, or an import whose
 * bindings the module exports.
 */
export interface ReExport {
  readonly specifier: string;
  /** `export * from`: every name the target exports except `default`; `names` is then empty. */
  readonly star: boolean;
  /** `export type * from`. */
  readonly typeOnly: boolean;
  readonly names: readonly ReExportedName[];
}

export interface ModuleExports {
  /** Every statement re-exports another module's names: the module defines nothing itself. */
  readonly barrel: boolean;
  readonly reExports: readonly ReExport[];
  /** The names the module exports by name (its own declarations, `default`, and named re-exports). */
  readonly names: readonly string[];
  /** It also has an `export * from`, so `names` may be incomplete. */
  readonly exportsStar: boolean;
}

export interface ImportedName {
  readonly name: string;
  /** `import type { X }`, `import { type X }`, `export type { X } from`. */
  readonly typeOnly: boolean;
}

/** What one file takes from one specifier, over all its statements naming it. */
export interface ImportedNames {
  readonly specifier: string;
  readonly names: readonly ImportedName[];
  /**
   * Some statement takes the module as a whole, not by name: `import * as`, `export * from`, a side-effect
   * import, `require`, `import()`, `import x = require()`, an `import("…")` type.
   */
  readonly whole: boolean;
}
