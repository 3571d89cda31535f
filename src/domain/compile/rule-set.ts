/**
 * The subset of dependency-cruiser's rule and option shapes that layerlint emits. Declared here so the
 * domain stays free of dependency-cruiser; the adapter hands these objects to `cruise()` unchanged.
 */

export interface PathRestriction {
  path?: string | string[];
  pathNot?: string | string[];
  couldNotResolve?: boolean;
  dependencyTypes?: string[];
  dependencyTypesNot?: string[];
  /** Only in a `to`: the dependency is part of an import cycle. */
  circular?: boolean;
  /** With `circular`: every dependency of the cycle must satisfy this. */
  viaOnly?: { dependencyTypesNot: string[] };
}

export interface ForbiddenRule {
  name: string;
  comment: string;
  severity: "error" | "warn";
  from: PathRestriction;
  to: PathRestriction;
}

export interface CruiseOptions {
  validate: true;
  ruleSet: { forbidden: ForbiddenRule[] };
  doNotFollow: { path: string[] };
  tsPreCompilationDeps: true;
  skipAnalysisNotInRules: true;
  preserveSymlinks: true;
  tsConfig?: { fileName: string };
  enhancedResolveOptions: { exportsFields: string[]; conditionNames: string[]; mainFields: string[] };
  baseDir: string;
  /** Only where layerlint re-cruises single files: 1 resolves their own imports and nothing beyond. */
  maxDepth?: number;
}

export type ViolationKind = "layer" | "package" | "private" | "context" | "unassigned" | "cycle" | "size";

/** What a package rule forbids: an installed package off the list, a package not installed, a built-in off the list. */
export type PackageCheck = "unlisted-packages" | "uninstalled-packages" | "unlisted-builtins";

/** What a compiled rule stands for, so its violations can be reported in the map's own terms. */
export type RuleMeaning =
  | {
      readonly kind: "layer";
      /**
       * The importing layers (several when they refuse the same layers): the importer's layer is read off each
       * violation.
       */
      readonly fromLayers: readonly string[];
      readonly toLayer: string | null;
      /** A layer rule for several layers at once (`toLayer` null): the imported file's layer is read off it. */
      readonly toLayers?: readonly string[];
    }
  /**
   * A package check for every layer with the same allow-list: the importer's layer is read off each
   * violation, and the violation names that layer's rule.
   */
  | { readonly kind: "package"; readonly toLayer: null; readonly check: PackageCheck }
  /** One rule covers every layer allowed to import `toLayer`: the importer's layer is read off each violation. */
  | { readonly kind: "private"; readonly toLayer: string }
  /** Another context's internal file: only the public files of context `ofContext` may be imported. */
  | { readonly kind: "private"; readonly toLayer: null; readonly ofContext: string }
  /** A context rule: the contexts and layers are read off each violation's files. */
  | { readonly kind: "context" };
