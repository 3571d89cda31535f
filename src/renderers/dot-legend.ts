import type { ArchitectureGraph } from "../domain/architecture/architecture-graph.js";
import { EDGE_LOOKS, legendOf, type EdgeLook } from "./graph-style.js";

/** How many layer swatches share one row of the legend. */
const SWATCHES_PER_ROW = 6;
/** How the legend draws each kind of line. */
export const STROKES: Readonly<Record<EdgeLook["dash"], string>> = { solid: "━━━", dashed: "╍╍╍", dotted: "┈┈┈" };

/** The graph's label as a Graphviz HTML-like table: the title, the layer colours, then the kinds of edge. */
export function dotLegendLabel(graph: ArchitectureGraph): string {
  const legend = legendOf(graph);
  const rows = [`<TR><TD><B>${escapeLabel(`${graph.name ?? "architecture"} (${graph.level} level)`)}</B></TD></TR>`];
  for (let start = 0; start < legend.fills.length; start += SWATCHES_PER_ROW) {
    const swatches = legend.fills
      .slice(start, start + SWATCHES_PER_ROW)
      .map(({ name, fill }) => `<TD BGCOLOR="${fill}" BORDER="1" COLOR="#555555">${escapeLabel(name)}</TD>`);
    rows.push(
      `<TR><TD><TABLE BORDER="0" CELLSPACING="4" CELLPADDING="3"><TR>${swatches.join("")}</TR></TABLE></TD></TR>`,
    );
  }
  const strokes = legend.edges.map((kind) => {
    const look = EDGE_LOOKS[kind];
    return `<TD><FONT COLOR="${look.color}">${STROKES[look.dash]} ${escapeLabel(look.meaning)}</FONT></TD>`;
  });
  rows.push(`<TR><TD><TABLE BORDER="0" CELLSPACING="4" CELLPADDING="1"><TR>${strokes.join("")}</TR></TABLE></TD></TR>`);
  return `<<TABLE ID="legend" BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">${rows.join("")}</TABLE>>`;
}

/** Text inside a Graphviz HTML-like label. */
export function escapeLabel(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
