import type { ArchitectureGraph } from "../domain/architecture/architecture-graph.js";
import { title } from "./graph-style.js";
import { escapeHtml, inlineSvg } from "./html.js";

/** `graph --format html`: the SVG diagram on a page of its own, nothing loaded from elsewhere. */
export function renderGraphHtml(graph: ArchitectureGraph, diagramSvg: string): string {
  return renderSvgPage(title(graph), diagramSvg);
}

/** One SVG diagram on a page titled `pageTitle`. */
export function renderSvgPage(pageTitle: string, diagramSvg: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="generator" content="layerlint graph">
<title>${escapeHtml(pageTitle)}</title>
<style>body { margin: 24px; font-family: system-ui, Helvetica, Arial, sans-serif; text-align: center; } svg { max-width: 100%; height: auto; }</style>
</head>
<body>
${inlineSvg(diagramSvg)}
</body>
</html>
`;
}
