import { dotRenderer } from "./dot-renderer.js";
import { jsonRenderer } from "./json-renderer.js";
import { mermaidRenderer } from "./mermaid-renderer.js";
import type { GraphRenderer } from "./renderer.js";

/** The one registry of graph renderers: adding a text format is one entry here and one module. */
export const renderers = {
  mermaid: mermaidRenderer,
  dot: dotRenderer,
  json: jsonRenderer,
} as const satisfies Record<string, GraphRenderer>;

export type RendererName = keyof typeof renderers;
export type { GraphRenderer } from "./renderer.js";
export { renderReviewReportHtml } from "./review-report-html.js";
export { renderGraphHtml, renderSvgPage } from "./graph-html.js";
export { renderMatrixDot } from "./matrix-dot-renderer.js";
