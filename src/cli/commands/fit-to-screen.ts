import type { SvgRenderer } from "../../application/ports.js";
import type { ArchitectureGraph, GraphLevel } from "../../domain/architecture/architecture-graph.js";
import type { ContextMatrix } from "../../domain/architecture/build-context-matrix.js";
import {
  CONTEXT_BUDGET,
  foldContextMatrix,
  ownContexts,
  type FoldedContextMatrix,
} from "../../domain/architecture/fold-context-matrix.js";
import { dotWithLayout, smallestFontPt } from "../../renderers/dot-renderer.js";
import { renderMatrixDot } from "../../renderers/index.js";

/**
 * The largest drawing (inches) of a diagram: 1,600 × 1,200 CSS px (1,200 × 900 pt) less
 * Graphviz's 4 pt margin on each side. A larger layout is scaled down to it.
 */
const SCREEN_INCHES = { width: 16.5, height: 12.3 } as const;

/** The smallest text a fitted diagram may show, in CSS px at 1,600 × 1,200. */
export const READABLE_FONT_PX = 10;
/** The diagrams' smallest font (edge labels), in points. */
const SMALLEST_FONT_PT = 10;
/** The most a diagram with edge labels may be scaled down before they fall under READABLE_FONT_PX: 0.75. */
export const READABLE_SCALE = scaleFor(SMALLEST_FONT_PT);

/** The most a diagram may be scaled down before its smallest text falls under READABLE_FONT_PX. */
export function readableScale(graph: ArchitectureGraph): number {
  return scaleFor(smallestFontPt(graph));
}

function scaleFor(points: number): number {
  return READABLE_FONT_PX / ((points * 4) / 3);
}

const DIRECTIONS: Readonly<Record<GraphLevel, readonly ("LR" | "TB")[]>> = {
  layer: ["TB"],
  context: ["LR"],
  module: ["LR", "TB"],
  folder: ["LR", "TB"],
};

export interface FittedDiagram {
  readonly dot: string;
  readonly svg: string;
  /** How much Graphviz scaled the drawing down to fit the screen: 1 when it fits as laid out. */
  readonly scale: number;
  /** Whether the drawing's smallest text, so scaled, is at least READABLE_FONT_PX tall. */
  readonly readable: boolean;
}

/**
 * A folder or module diagram laid out left to right, or top to bottom when that needs less scaling down to fit
 * the screen; a layer diagram top to bottom and a context diagram left to right, scaled down to fit.
 */
export async function fitToScreen(renderer: SvgRenderer, graph: ArchitectureGraph): Promise<FittedDiagram> {
  let best: FittedDiagram | undefined;
  for (const rankdir of DIRECTIONS[graph.level]) {
    const dot = dotWithLayout(graph, { rankdir, size: SCREEN_INCHES });
    const svg = await renderer.renderDot(dot);
    const scale = scaleOf(svg);
    const candidate = { dot, svg, scale, readable: scale >= readableScale(graph) };
    if (best === undefined || candidate.scale > best.scale) best = candidate;
    if (best.scale === 1) break;
  }
  return best as FittedDiagram;
}

/**
 * Fits the screen without text under READABLE_FONT_PX: while the drawing would be scaled down further, `fold`
 * draws the graph with its folders folded one path segment shallower, down to one segment. `fold` is absent
 * when the reader chose what to draw (`--collapse`, `--focus`): then the drawing is only scaled.
 */
export async function fitReadably(
  renderer: SvgRenderer,
  graph: ArchitectureGraph,
  fold?: (segments: number) => ArchitectureGraph,
): Promise<FittedDiagram & { readonly graph: ArchitectureGraph }> {
  let drawn = graph;
  let fitted = await fitToScreen(renderer, drawn);
  let segments = drawn.collapse ?? deepestPath(drawn);
  while (fold !== undefined && !fitted.readable && segments > 1) {
    segments -= 1;
    const folded = fold(segments);
    if (folded.nodes.length === drawn.nodes.length) continue;
    drawn = folded;
    fitted = await fitToScreen(renderer, drawn);
  }
  return { ...fitted, graph: drawn };
}

/**
 * The contexts × layers matrix within the screen: CONTEXT_BUDGET contexts at most, fewer while text would be under
 * READABLE_FONT_PX.
 */
export async function fitMatrixToScreen(
  renderer: SvgRenderer,
  matrix: ContextMatrix,
  name: string | null,
): Promise<FittedDiagram & { readonly matrix: FoldedContextMatrix }> {
  const own = ownContexts(matrix).length;
  for (let budget = Math.min(CONTEXT_BUDGET, own); ; budget -= 1) {
    const folded = foldContextMatrix(matrix, budget);
    const dot = renderMatrixDot(folded, name, { size: SCREEN_INCHES });
    const svg = await renderer.renderDot(dot);
    const scale = scaleOf(svg);
    const readable = scale >= READABLE_SCALE;
    if (readable || budget <= 1) return { dot, svg, scale, readable, matrix: folded };
  }
}

function deepestPath(graph: ArchitectureGraph): number {
  return graph.nodes.reduce((most, node) => Math.max(most, node.id.split("/").length), 1);
}

/** Graphviz writes the scale it applied to fit `size` as the graph group's transform. */
function scaleOf(svg: string): number {
  const match = /<g id="graph0" class="graph" transform="scale\(([0-9.]+)/.exec(svg);
  return match === null ? 1 : Math.min(1, Number(match[1]));
}
