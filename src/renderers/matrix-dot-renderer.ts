import type { ContextMatrix, MatrixCellRef } from "../domain/architecture/build-context-matrix.js";
import { UNASSIGNED_NODE } from "../domain/architecture/architecture-graph.js";
import { quote } from "./dot-renderer.js";
import { EDGE_LOOKS, layerFill, plural } from "./graph-style.js";

/**
 * Contexts × layers as Graphviz DOT: one row per layer, one column per context, a cell node per
 * non-empty cell (`id="cell:<context>/<layer>"`) sized by its modules, cross-context edges between
 * cells (`id="edge:<from cell>-><to cell>"`), context-rule breaks red (error) or amber and dashed (warn).
 */
export function renderMatrixDot(matrix: ContextMatrix, name: string | null): string {
  const lines = [
    `// contexts x layers of ${name ?? "architecture"}`,
    `digraph ${quote(name ?? "architecture")} {`,
    `  graph [rankdir=TB, newrank=true, nodesep=0.3, ranksep=0.5, label=${quote(`${name ?? "architecture"}: contexts × layers`)}, labelloc=t, fontname="Helvetica", fontsize=14];`,
    `  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11, color="#555555"];`,
    `  edge [fontname="Helvetica", fontsize=10, color="${EDGE_LOOKS.allowed.color}", fontcolor="${EDGE_LOOKS.allowed.color}"];`,
  ];
  const modules = new Map(matrix.cells.map((cell) => [cellId(cell), cell.modules.length]));
  const header = `  { rank=same; ${quote("corner:")} [label="", shape=plaintext, style=""]; ${matrix.contexts
    .map(
      (context) =>
        `${quote(`column:${context}`)} [id=${quote(`column:${context}`)}, label=${quote(context)}, shape=plaintext, style="", fontsize=13]`,
    )
    .join("; ")} }`;
  lines.push(header);
  matrix.layers.forEach((layer, row) => {
    const fill = layerFill(layer === UNASSIGNED_NODE ? -1 : row);
    const cells = matrix.contexts.map((context) => {
      const id = cellId({ context, layer });
      const count = modules.get(id);
      if (count === undefined) return `${quote(id)} [label="", shape=box, style=invis, width=0.6, height=0.4]`;
      const size = (0.6 + Math.sqrt(count) * 0.25).toFixed(2);
      return `${quote(id)} [id=${quote(`cell:${id}`)}, label=${quote(plural(count, "module"))}, tooltip=${quote(`${context} / ${layer}: ${plural(count, "module")}`)}, fillcolor="${fill}", width=${size}, height=${size}]`;
    });
    lines.push(
      `  { rank=same; ${quote(`row:${layer}`)} [id=${quote(`row:${layer}`)}, label=${quote(layer)}, shape=plaintext, style="", fontsize=13]; ${cells.join("; ")} }`,
    );
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
  lines.push(
    `  ${[quote("corner:"), ...matrix.layers.map((layer) => quote(`row:${layer}`))].join(" -> ")} [style=invis, weight=100];`,
  );
  for (const edge of matrix.edges) {
    const look = EDGE_LOOKS[edge.severity === null ? "allowed" : edge.severity];
    const attributes = [
      `id=${quote(`edge:${cellId(edge.from)}->${cellId(edge.to)}`)}`,
      `label=${quote(String(edge.imports))}`,
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

function cellId(cell: MatrixCellRef): string {
  return `${cell.context}/${cell.layer}`;
}
