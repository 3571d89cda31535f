import type { ArchitectureNode } from "../domain/architecture/architecture-graph.js";
import { EDGE_COLOR, edgeLabel, fillOf, nodeLabelLines, title, UNUSED_COLOR, VIOLATION_COLOR } from "./graph-style.js";
import type { GraphRenderer } from "./renderer.js";

/** Mermaid flowchart for Markdown: forbidden edges red, unused allowed edges dashed. */
export const mermaidRenderer: GraphRenderer = (graph) => {
  const ids = new Map(graph.nodes.map((node, index) => [node.id, `n${index}`]));
  const lines = [`%% ${title(graph)}`, graph.level === "layer" ? "flowchart TB" : "flowchart LR"];
  const declare = (node: ArchitectureNode, indent: string) =>
    `${indent}${ids.get(node.id)}["${nodeLabelLines(graph, node).map(escape).join("<br/>")}"]`;

  if (graph.level === "module") {
    const clusters = [...new Set(graph.nodes.map((node) => node.layer))];
    clusters.forEach((layer, index) => {
      lines.push(`  subgraph c${index}["${escape(layer ?? "no layer")}"]`);
      for (const node of graph.nodes.filter((candidate) => candidate.layer === layer))
        lines.push(declare(node, "    "));
      lines.push("  end");
    });
  } else {
    for (const node of graph.nodes) lines.push(declare(node, "  "));
  }

  for (const edge of graph.edges) {
    lines.push(
      `  ${ids.get(edge.from)} ${edge.unused ? "-.->" : "-->"}|"${escape(edgeLabel(edge))}"| ${ids.get(edge.to)}`,
    );
  }

  const fills = [...new Set(graph.nodes.map((node) => fillOf(graph, node.layer)))];
  fills.forEach((fill, index) => lines.push(`  classDef f${index} fill:${fill},stroke:#555555,color:#111111`));
  fills.forEach((fill, index) => {
    const members = graph.nodes.filter((node) => fillOf(graph, node.layer) === fill).map((node) => ids.get(node.id));
    lines.push(`  class ${members.join(",")} f${index}`);
  });
  graph.edges.forEach((edge, index) => {
    const style = edge.violation
      ? `stroke:${VIOLATION_COLOR},stroke-width:3px,color:${VIOLATION_COLOR}`
      : edge.unused
        ? `stroke:${UNUSED_COLOR},stroke-dasharray:5 5,color:${UNUSED_COLOR}`
        : `stroke:${EDGE_COLOR}`;
    lines.push(`  linkStyle ${index} ${style}`);
  });
  return `${lines.join("\n")}\n`;
};

/** Mermaid entity codes, so any path or name is safe inside a quoted label. */
function escape(text: string): string {
  return text.replace(/#/g, "#35;").replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;");
}
