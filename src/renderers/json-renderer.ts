import type { GraphRenderer } from "./renderer.js";

/** The graph as data: the documented JSON contract. */
export const jsonRenderer: GraphRenderer = (graph) => `${JSON.stringify(graph, null, 2)}\n`;
