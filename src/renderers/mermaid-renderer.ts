import type { ArchitectureNode } from "../domain/architecture/architecture-graph.js";
import {
  EDGE_LOOKS,
  edgeKind,
  edgeLabel,
  fillOf,
  legendOf,
  nodeLabelLines,
  title,
  type EdgeLook,
} from "./graph-style.js";
import type { GraphRenderer } from "./renderer.js";

const DASHES: Readonly<Record<EdgeLook["dash"], string>> = {
  solid: "",
  dashed: ",stroke-dasharray:6 4",
  dotted: ",stroke-dasharray:2 4",
};

/** Mermaid flowchart for Markdown: errors red, warnings amber and dashed, unused allowed edges dotted, and a legend. */
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
    const arrow = EDGE_LOOKS[edgeKind(edge)].dash === "solid" ? "-->" : "-.->";
    lines.push(`  ${ids.get(edge.from)} ${arrow}|"${escape(edgeLabel(edge))}"| ${ids.get(edge.to)}`);
  }

  const legend = legendOf(graph);
  lines.push(`  subgraph legend["legend"]`, "    direction LR");
  legend.fills.forEach(({ name }, index) => lines.push(`    legend_fill${index}["${escape(name)}"]`));
  legend.edges.forEach((kind, index) => lines.push(`    legend_edge${index}["${escape(EDGE_LOOKS[kind].meaning)}"]`));
  lines.push("  end");

  const fills = [
    ...new Set([...graph.nodes.map((node) => fillOf(graph, node.layer)), ...legend.fills.map((f) => f.fill)]),
  ];
  fills.forEach((fill, index) => lines.push(`  classDef f${index} fill:${fill},stroke:#555555,color:#111111`));
  fills.forEach((fill, index) => {
    const members = [
      ...graph.nodes.filter((node) => fillOf(graph, node.layer) === fill).map((node) => ids.get(node.id)),
      ...legend.fills.flatMap((entry, position) => (entry.fill === fill ? [`legend_fill${position}`] : [])),
    ];
    lines.push(`  class ${members.join(",")} f${index}`);
  });
  legend.edges.forEach((kind, index) => {
    const look = EDGE_LOOKS[kind];
    const stroke = `stroke:${look.color},stroke-width:${look.width}px${DASHES[look.dash]}`;
    lines.push(`  style legend_edge${index} fill:#ffffff,${stroke},color:${look.color}`);
  });
  lines.push("  style legend fill:#ffffff,stroke:#bbbbbb");
  graph.edges.forEach((edge, index) => {
    const look = EDGE_LOOKS[edgeKind(edge)];
    lines.push(
      `  linkStyle ${index} stroke:${look.color},stroke-width:${look.width}px${DASHES[look.dash]},color:${look.color}`,
    );
  });
  return `${lines.join("\n")}\n`;
};

/** Mermaid entity codes, so any path or name is safe inside a quoted label. */
function escape(text: string): string {
  return text.replace(/#/g, "#35;").replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;");
}
