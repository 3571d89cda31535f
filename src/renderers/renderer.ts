import type { ArchitectureGraph } from "../domain/architecture/architecture-graph.js";

/** A renderer is a pure function: the graph in, the text of one diagram format out. */
export type GraphRenderer = (graph: ArchitectureGraph) => string;
