/** What the dependency extractor found, in layerlint's own terms. */

export type DependencyTarget = "local" | "package" | "builtin" | "unresolved";

export interface GraphDependency {
  /** The module name as written in the import statement. */
  readonly specifier: string;
  /** A path relative to the map's folder for local files; otherwise what the extractor resolved to. */
  readonly resolved: string;
  readonly target: DependencyTarget;
  readonly typeOnly: boolean;
  readonly dependencyTypes: readonly string[];
  /** Names of the compiled rules this dependency breaks. */
  readonly brokenRules: readonly string[];
  /** Seen through barrels (`--through-barrels`): the barrels between the importer and `resolved`, in order. */
  readonly via?: readonly string[];
}

export interface GraphModule {
  /** Path relative to the map's folder, forward slashes. */
  readonly source: string;
  readonly dependencies: readonly GraphDependency[];
}

export interface ModuleGraph {
  /** Every module the extractor visited that is a local file: the checked ones and those they reach. */
  readonly modules: readonly GraphModule[];
}
