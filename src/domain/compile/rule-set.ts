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
  exclude?: { path: string[] };
  tsPreCompilationDeps: true;
  skipAnalysisNotInRules: true;
  tsConfig?: { fileName: string };
  enhancedResolveOptions: { exportsFields: string[]; conditionNames: string[]; mainFields: string[] };
  baseDir: string;
}

export type ViolationKind = "layer" | "package" | "unassigned";

/** What a compiled rule stands for, so its violations can be reported in the map's own terms. */
export interface RuleMeaning {
  readonly kind: Exclude<ViolationKind, "unassigned">;
  readonly fromLayer: string;
  readonly toLayer: string | null;
}
