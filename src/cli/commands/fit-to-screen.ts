import type { SvgRenderer } from "../../application/ports.js";
import type { ArchitectureGraph } from "../../domain/architecture/architecture-graph.js";
import { dotWithLayout } from "../../renderers/dot-renderer.js";

/**
 * The largest drawing (inches) of a folder or module diagram: 1,600 × 1,200 CSS px (1,200 × 900 pt) less
 * Graphviz's 4 pt margin on each side. A larger layout is scaled down to it.
 */
const SCREEN_INCHES = { width: 16.5, height: 12.3 } as const;

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

/** Graphviz writes the scale it applied to fit `size` as the graph group's transform. */
function scaleOf(svg: string): number {
  const match = /<g id="graph0" class="graph" transform="scale\(([0-9.]+)/.exec(svg);
  return match === null ? 1 : Math.min(1, Number(match[1]));
}
