/** The architecture as drawn: the JSON graph contract (`layerlint graph --format json`). */

export const GRAPH_VERSION = 1;

export type GraphLevel = "layer" | "module" | "folder" | "context";
export const GRAPH_LEVELS: readonly GraphLevel[] = ["layer", "module", "folder", "context"];

/** The node id that stands for the files no layer claims, at layer level. */
export const UNASSIGNED_NODE = "(unassigned)";

export interface ArchitectureNode {
  /**
   * A layer name (layer level), a module path or a folded folder (module and folder levels), a context name (context
   * level).
   */
  readonly id: string;
  /** The layer the node belongs to; null for files no layer claims. */
  readonly layer: string | null;
  /** How many checked modules the node stands for. */
  readonly modules: number;
  /** Packages and built-ins the node's modules import, sorted; only at layer level with `--packages`. */
  readonly packages?: readonly string[];
}

export interface ArchitectureEdge {
  readonly from: string;
  readonly to: string;
  /** File-to-file dependencies behind the edge (a file importing another file counts once). */
  readonly imports: number;
  /** At least one of those dependencies breaks a layer rule of the map (a context rule at context level). */
  readonly violation: boolean;
  /**
   * `error` when one of those dependencies breaks an error rule; `warn` when they break only rules tolerated at
   * severity warn; null when none breaks a rule.
   */
  readonly severity: "error" | "warn" | null;
  /** Allowed by the map (`mayImport`) but never used by the code; drawn only with `--show-unused`. */
  readonly unused: boolean;
}

export interface ArchitectureGraph {
  readonly version: typeof GRAPH_VERSION;
  readonly level: GraphLevel;
  /** The map's name. */
  readonly name: string | null;
  /**
   * Module and folder levels: the number of path segments nodes were folded to (`--collapse`, or chosen to fit the node
   * budget); absent when not folded.
   */
  readonly collapse?: number;
  /** The map's layers in map order: clusters and colours follow this order. */
  readonly layers: readonly string[];
  /** Layer level: map order, then the unassigned node; other levels: sorted by layer order, then id. */
  readonly nodes: readonly ArchitectureNode[];
  /** Sorted by the order of their `from` node, then of their `to` node. */
  readonly edges: readonly ArchitectureEdge[];
}
