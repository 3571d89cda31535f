import type { SvgRenderer } from "../../application/ports.js";
import type { ArchitectureGraph } from "../../domain/architecture/architecture-graph.js";
import type { ContextMatrix } from "../../domain/architecture/build-context-matrix.js";
import {
  CONTEXT_BUDGET,
  foldContextMatrix,
  ownContexts,
  type FoldedContextMatrix,
} from "../../domain/architecture/fold-context-matrix.js";
import { dotWithLayout } from "../../renderers/dot-renderer.js";
import { renderMatrixDot } from "../../renderers/index.js";

/**
 * The largest drawing (inches) of a folder or module diagram: 1,600 × 1,200 CSS px (1,200 × 900 pt) less
 * Graphviz's 4 pt margin on each side. A larger layout is scaled down to it.
 */
const SCREEN_INCHES = { width: 16.5, height: 12.3 } as const;

/** The smallest text a fitted diagram may show, in CSS px at 1,600 × 1,200. */
export const READABLE_FONT_PX = 10;
/** The diagrams' smallest font (edge labels), in points. */
const SMALLEST_FONT_PT = 10;
/** The most a diagram may be scaled down before its smallest text falls under READABLE_FONT_PX: 0.75. */
export const READABLE_SCALE = READABLE_FONT_PX / ((SMALLEST_FONT_PT * 4) / 3);

export interface FittedDiagram {
  readonly dot: string;
  readonly svg: string;
  /** How much Graphviz scaled the drawing down to fit the screen: 1 when it fits as laid out. */
  readonly scale: number;
}

/** A folder or module diagram laid out left to right, or top to bottom when that needs less scaling down to fit the screen. */
export async function fitToScreen(renderer: SvgRenderer, graph: ArchitectureGraph): Promise<FittedDiagram> {
  let best: FittedDiagram | undefined;
  for (const rankdir of ["LR", "TB"] as const) {
    const dot = dotWithLayout(graph, { rankdir, size: SCREEN_INCHES });
    const svg = await renderer.renderDot(dot);
    const candidate = { dot, svg, scale: scaleOf(svg) };
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
  while (fold !== undefined && fitted.scale < READABLE_SCALE && segments > 1) {
    segments -= 1;
    const folded = fold(segments);
    if (folded.nodes.length === drawn.nodes.length) continue;
    drawn = folded;
    fitted = await fitToScreen(renderer, drawn);
  }
  return { ...fitted, graph: drawn };
}

/** The contexts × layers matrix within the screen: CONTEXT_BUDGET contexts at most, fewer while text would be under READABLE_FONT_PX. */
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
    if (scale >= READABLE_SCALE || budget <= 1) return { dot, svg, scale, matrix: folded };
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
