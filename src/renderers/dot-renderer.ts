import type { ArchitectureNode } from "../domain/architecture/architecture-graph.js";
import { EDGE_COLOR, edgeLabel, fillOf, nodeLabelLines, title, UNUSED_COLOR, VIOLATION_COLOR } from "./graph-style.js";
import type { GraphRenderer } from "./renderer.js";

/**
 * Graphviz DOT. Every node carries `id="node:<id>"` and every edge `id="edge:<from>-><to>"`, which
 * Graphviz copies into SVG, so a page can tell which layer or dependency was clicked.
 */
export const dotRenderer: GraphRenderer = (graph) => {
  const lines = [
    `// ${title(graph)}`,
    `digraph ${quote(graph.name ?? "architecture")} {`,
    `  graph [rankdir=${graph.level === "layer" ? "TB" : "LR"}, label=${quote(`${graph.name ?? "architecture"} (${graph.level} level)`)}, labelloc=t, fontname="Helvetica-Bold", fontsize=16, nodesep=0.5, ranksep=0.7];`,
    `  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=12, color="#555555", margin="0.2,0.1"];`,
    `  edge [fontname="Helvetica", fontsize=10, color="${EDGE_COLOR}", fontcolor="${EDGE_COLOR}"];`,
  ];
  const declare = (node: ArchitectureNode, indent: string) =>
    `${indent}${quote(node.id)} [id=${quote(`node:${node.id}`)}, label=${quote(nodeLabelLines(graph, node).join("\n"))}, fillcolor="${fillOf(graph, node.layer)}"];`;

  if (graph.level === "module") {
    const clusters = [...new Set(graph.nodes.map((node) => node.layer))];
    clusters.forEach((layer, index) => {
      lines.push(
        `  subgraph cluster_${index} {`,
        `    label=${quote(layer ?? "no layer")};`,
        `    style="rounded"; color="#999999"; fontsize=13;`,
      );
      for (const node of graph.nodes.filter((candidate) => candidate.layer === layer))
        lines.push(declare(node, "    "));
      lines.push("  }");
    });
  } else {
    for (const node of graph.nodes) lines.push(declare(node, "  "));
  }

  for (const edge of graph.edges) {
    const attributes = [`id=${quote(`edge:${edge.from}->${edge.to}`)}`, `label=${quote(edgeLabel(edge))}`];
    if (edge.violation)
      attributes.push(
        `color="${VIOLATION_COLOR}"`,
        `fontcolor="${VIOLATION_COLOR}"`,
        `fontname="Helvetica-Bold"`,
        "penwidth=2.5",
      );
    if (edge.unused) attributes.push("style=dashed", `color="${UNUSED_COLOR}"`, `fontcolor="${UNUSED_COLOR}"`);
    lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)} [${attributes.join(", ")}];`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
};

function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}
