import type { ContextMatrix, MatrixCellRef, MatrixEdge } from "../domain/architecture/build-context-matrix.js";
import { NO_CONTEXT_NODE, SHARED_KERNEL_NODE } from "../domain/architecture/build-context-graph.js";
import { OTHER_CONTEXTS_COLUMN, ownContexts } from "../domain/architecture/fold-context-matrix.js";
import { UNASSIGNED_NODE } from "../domain/architecture/architecture-graph.js";
import { labelOnWhite, quote, type DotLayout } from "./dot-renderer.js";
import { escapeLabel, STROKES } from "./dot-legend.js";
import { EDGE_LOOKS, layerFill, type EdgeKind } from "./graph-style.js";
import { plural } from "../domain/plural.js";

/** The side (inches) of the smallest and of the largest cell: cells are sized by modules relative to the largest. */
const CELL_INCHES = { smallest: 0.7, largest: 1.4 } as const;

/**
 * Contexts × layers as Graphviz DOT: one row per layer, one column per context, a cell node per
 * non-empty cell (`id="cell:<context>/<layer>"`) sized by its modules, cross-context edges between
 * cells (`id="edge:<from cell>-><to cell>"`), context-rule breaks red (error) or amber and dashed (warn).
 * The allowed imports into the shared kernel and into files in no context cross no context's border: they
 * are counted in the cells they reach instead of drawn. Edge counts are external labels, so they never widen the
 * layout; Graphviz keeps external labels apart but lets their boxes touch, which labelOnWhite's padding prevents
 * (on ddd-forum two counts 1 px apart read as "23"). `folded` names the contexts drawn together in `(other contexts)`,
 * which the title says.
 */
export function renderMatrixDot(
  matrix: ContextMatrix & { readonly folded?: readonly string[] },
  name: string | null,
  layout: Pick<DotLayout, "size"> = {},
): string {
  const title = `${name ?? "architecture"}: contexts × layers`;
  const size = layout.size === undefined ? "" : `, size="${layout.size.width},${layout.size.height}"`;
  const lines = [
    `// contexts x layers of ${name ?? "architecture"}`,
    `digraph ${quote(name ?? "architecture")} {`,
    `  graph [${LAYOUT}${size}, label=${legendLabel(title, matrix)}, labelloc=t, fontname="Helvetica", fontsize=14];`,
    `  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11, color="#555555"];`,
    `  edge [fontname="Helvetica", fontsize=10, color="${ALLOWED_COLOR}", fontcolor="${ALLOWED_COLOR}"];`,
  ];
  const drawn = matrix.edges.filter((edge) => !intoCommonGround(edge) || edge.severity !== null);
  const commonImports = new Map<string, { imports: number; contexts: Set<string> }>();
  for (const edge of matrix.edges.filter((candidate) => !drawn.includes(candidate))) {
    const tally = commonImports.get(cellId(edge.to)) ?? { imports: 0, contexts: new Set<string>() };
    tally.imports += edge.imports;
    tally.contexts.add(edge.from.context);
    commonImports.set(cellId(edge.to), tally);
  }
  const modules = new Map(matrix.cells.map((cell) => [cellId(cell), cell.modules.length]));
  const largest = Math.max(1, ...modules.values());
  const headings = matrix.contexts.map((context) => {
    const label =
      context === OTHER_CONTEXTS_COLUMN ? `${context}\n${plural(matrix.folded?.length ?? 0, "context")}` : context;
    return heading(`column:${context}`, label);
  });
  lines.push(`  { rank=same; ${quote("corner:")} [label="", shape=plaintext, style=""]; ${headings.join("; ")} }`);
  matrix.layers.forEach((layer, row) => {
    const fill = layerFill(layer === UNASSIGNED_NODE ? -1 : row);
    const cells = matrix.contexts.map((context) => {
      const id = cellId({ context, layer });
      const count = modules.get(id);
      const side = CELL_INCHES.smallest;
      if (count === undefined) return `${quote(id)} [label="", shape=box, style=invis, width=${side}, height=${side}]`;
      const size = (side + (CELL_INCHES.largest - side) * Math.sqrt(count / largest)).toFixed(2);
      const kernel = context === SHARED_KERNEL_NODE || context === NO_CONTEXT_NODE ? commonImports.get(id) : undefined;
      const importers =
        kernel === undefined
          ? 0
          : kernel.contexts.size + (kernel.contexts.has(OTHER_CONTEXTS_COLUMN) ? (matrix.folded?.length ?? 1) - 1 : 0);
      const imported =
        kernel === undefined ? "" : `\nimported ${plural(kernel.imports, "time")}\nby ${plural(importers, "context")}`;
      const label = `${plural(count, "module")}${imported}`;
      const tooltip = quote(`${context} / ${layer}: ${label.replaceAll("\n", " ")}`);
      const look = `fillcolor="${fill}", width=${size}, height=${size}`;
      return `${quote(id)} [id=${quote(`cell:${id}`)}, label=${quote(label)}, tooltip=${tooltip}, ${look}]`;
    });
    lines.push(`  { rank=same; ${heading(`row:${layer}`, layer)}; ${cells.join("; ")} }`);
  });
  // Invisible edges keep the columns in order, left to right, and every cell under its column's heading.
  const rowChains = [
    ["corner:", ...matrix.contexts.map((context) => `column:${context}`)],
    ...matrix.layers.map((layer) => [`row:${layer}`, ...matrix.contexts.map((context) => cellId({ context, layer }))]),
  ];
  for (const chain of rowChains) lines.push(`  ${chain.map(quote).join(" -> ")} [style=invis];`);
  for (const context of matrix.contexts) {
    const column = [`column:${context}`, ...matrix.layers.map((layer) => cellId({ context, layer }))];
    lines.push(`  ${column.map(quote).join(" -> ")} [style=invis, weight=100];`);
  }
  const rowHeadings = [quote("corner:"), ...matrix.layers.map((layer) => quote(`row:${layer}`))];
  lines.push(`  ${rowHeadings.join(" -> ")} [style=invis, weight=100];`);
  for (const edge of drawn) {
    const look = EDGE_LOOKS[kindOf(edge)];
    const attributes = [
      `id=${quote(`edge:${cellId(edge.from)}->${cellId(edge.to)}`)}`,
      `xlabel=${labelOnWhite(String(edge.imports))}`,
      `tooltip=${quote(`${cellId(edge.from)} → ${cellId(edge.to)}: ${plural(edge.imports, "import")}`)}`,
      "constraint=false",
    ];
    if (edge.severity !== null)
      attributes.push(`color="${look.color}"`, `fontcolor="${look.color}"`, `penwidth=${look.width}`);
    if (look.dash !== "solid") attributes.push(`style=${look.dash}`);
    lines.push(`  ${quote(cellId(edge.from))} -> ${quote(cellId(edge.to))} [${attributes.join(", ")}];`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

/** Imports into the shared kernel or into files outside every context: allowed, they cross no context's border. */
function intoCommonGround(edge: MatrixEdge): boolean {
  return edge.to.context === SHARED_KERNEL_NODE || edge.to.context === NO_CONTEXT_NODE;
}

function kindOf(edge: MatrixEdge): EdgeKind {
  return edge.severity === null ? "allowed" : edge.severity;
}

/** The title, what was folded, and the kinds of edge, as a Graphviz HTML-like table. */
function legendLabel(title: string, matrix: ContextMatrix & { readonly folded?: readonly string[] }): string {
  const rows = [`<TR><TD><B>${escapeLabel(title)}</B></TD></TR>`];
  const folded = matrix.folded ?? [];
  if (folded.length > 0) {
    const kept = ownContexts(matrix);
    const largest = `the ${kept.length} largest of ${kept.length + folded.length} contexts`;
    const others = escapeLabel(OTHER_CONTEXTS_COLUMN);
    const together = `${plural(folded.length, "smaller context")} drawn together as ${others}`;
    rows.push(`<TR><TD><FONT POINT-SIZE="11">${largest}; ${together}</FONT></TD></TR>`);
  }
  const strokes = (["error", "warn", "allowed"] as const).map((kind) => {
    const look = EDGE_LOOKS[kind];
    const font = `<FONT COLOR="${look.color}" POINT-SIZE="11">`;
    return `<TD>${font}${STROKES[look.dash]} ${escapeLabel(look.meaning)}</FONT></TD>`;
  });
  rows.push(`<TR><TD><TABLE BORDER="0" CELLSPACING="4" CELLPADDING="1"><TR>${strokes.join("")}</TR></TABLE></TD></TR>`);
  return `<<TABLE ID="legend" BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">${rows.join("")}</TABLE>>`;
}

/** A column's or a row's heading: plain text, its id the node's. */
function heading(id: string, label: string): string {
  return `${quote(id)} [id=${quote(id)}, label=${quote(label)}, shape=plaintext, style="", fontsize=13]`;
}

const LAYOUT = "rankdir=TB, newrank=true, nodesep=0.3, ranksep=0.5";
const ALLOWED_COLOR = EDGE_LOOKS.allowed.color;

function cellId(cell: MatrixCellRef): string {
  return `${cell.context}/${cell.layer}`;
}
