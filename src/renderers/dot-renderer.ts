import type {
  ArchitectureEdge,
  ArchitectureGraph,
  ArchitectureNode,
} from "../domain/architecture/architecture-graph.js";
import {
  EDGE_COLOR,
  EDGE_LOOKS,
  edgeKind,
  edgeLabel,
  fillOf,
  nodeLabelLines,
  nodeTooltip,
  title,
} from "./graph-style.js";
import { dotLegendLabel, escapeLabel } from "./dot-legend.js";
import type { GraphRenderer } from "./renderer.js";

/**
 * Graphviz DOT. Every node carries `id="node:<id>"` and every edge `id="edge:<from>-><to>"`, which
 * Graphviz copies into SVG, so a page can tell which layer or dependency was clicked. The title and
 * the legend are the graph's label, so they never take part in the layout. Edges are not merged by
 * Graphviz (`concentrate`): all the imports between two nodes are already one edge.
 */
export const dotRenderer: GraphRenderer = (graph) => dotWithLayout(graph, {});

/** How Graphviz lays a diagram out: its direction, and the largest size (inches) it scales the drawing down to. */
export interface DotLayout {
  readonly rankdir?: "TB" | "LR";
  readonly size?: { readonly width: number; readonly height: number };
}

export function dotWithLayout(graph: ArchitectureGraph, layout: DotLayout): string {
  const rankdir = layout.rankdir ?? (graph.level === "layer" ? "TB" : "LR");
  const spacing =
    graph.level !== "folder" ? "nodesep=0.5, ranksep=0.7" : `nodesep=0.15, ranksep=${rankdir === "TB" ? 0.3 : 0.5}`;
  const size = layout.size === undefined ? "" : `, size="${layout.size.width},${layout.size.height}"`;
  const lines = [
    `// ${title(graph)}`,
    `digraph ${quote(graph.name ?? "architecture")} {`,
    `  graph [rankdir=${rankdir}${size}, label=${dotLegendLabel(graph)}, labelloc=t, ${TEXT_FONT}, ${spacing}];`,
    `  node [shape=box, style="rounded,filled", ${TEXT_FONT}, color="#555555", margin="0.2,0.1"];`,
    `  edge [fontname="Helvetica", fontsize=${EDGE_FONT_PT}, color="${EDGE_COLOR}", fontcolor="${EDGE_COLOR}"];`,
  ];
  const declare = (node: ArchitectureNode, indent: string) => {
    const attributes = [
      `id=${quote(`node:${node.id}`)}`,
      `label=${quote(nodeLabelLines(graph, node).join("\n"))}`,
      `tooltip=${quote(nodeTooltip(graph, node))}`,
      `fillcolor="${fillOf(graph, node.layer)}"`,
    ];
    return `${indent}${quote(node.id)} [${attributes.join(", ")}];`;
  };

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

  // Of two opposite edges, the second is written in the first one's direction and drawn backwards, so
  // Graphviz lays them out as parallel edges whose labels sit side by side, never on each other.
  const written = new Set<string>();
  for (const edge of graph.edges) {
    const reversed = written.has(`${edge.to}\u0000${edge.from}`);
    written.add(`${edge.from}\u0000${edge.to}`);
    const labelled = isLabelled(graph, edge);
    const [tail, head] = reversed ? [edge.to, edge.from] : [edge.from, edge.to];
    const attributes = edgeAttributes(edge, labelled);
    if (reversed) attributes.push("dir=back");
    lines.push(`  ${quote(tail)} -> ${quote(head)} [${attributes.join(", ")}];`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

/** Below layer and context level only forbidden and tolerated edges are labelled. */
function isLabelled(graph: ArchitectureGraph, edge: ArchitectureEdge): boolean {
  return graph.level === "layer" || graph.level === "context" || edgeKind(edge) !== "allowed";
}

/** The size (points) of the smallest text a diagram has: its edge labels' when it has any, else its nodes'. */
export function smallestFontPt(graph: ArchitectureGraph): number {
  return graph.edges.some((edge) => isLabelled(graph, edge)) ? EDGE_FONT_PT : TEXT_FONT_PT;
}

const TEXT_FONT_PT = 12;
const EDGE_FONT_PT = 10;
const TEXT_FONT = `fontname="Helvetica", fontsize=${TEXT_FONT_PT}`;

/** Unlabelled edges (allowed ones below layer level) keep their count in the tooltip. */
function edgeAttributes(edge: ArchitectureEdge, labelled: boolean): string[] {
  const kind = edgeKind(edge);
  const look = EDGE_LOOKS[kind];
  const attributes = [
    `id=${quote(`edge:${edge.from}->${edge.to}`)}`,
    ...(labelled ? [`label=${labelOnWhite(edgeLabel(edge))}`] : []),
    `tooltip=${quote(`${edge.from} → ${edge.to}: ${edgeLabel(edge)}`)}`,
  ];
  if (kind !== "allowed") attributes.push(`color="${look.color}"`, `fontcolor="${look.color}"`);
  if (look.dash !== "solid") attributes.push(`style=${look.dash}`);
  if (look.width !== 1) attributes.push(`penwidth=${look.width}`);
  if (kind === "error") attributes.push(`fontname="Helvetica-Bold"`);
  return attributes;
}

/**
 * An edge's label as a Graphviz HTML-like label: padded, so that dot, which sets a label against its edge,
 * leaves a gap between the line and the first letter, and on white, so that an edge crossing it or another
 * label beside it never runs into its letters.
 */
export function labelOnWhite(text: string): string {
  const cell = `<TD BGCOLOR="white" CELLPADDING="${LABEL_PADDING}">${escapeLabel(text)}</TD>`;
  return `<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0"><TR>${cell}</TR></TABLE>>`;
}

/** The space (points) kept around an edge's label: two labels' letters are at least twice this apart. */
const LABEL_PADDING = 3;

export function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}
