import type { ArchitectureGraph } from "../domain/architecture/architecture-graph.js";
import { title } from "./graph-style.js";
import { escapeHtml, inlineSvg } from "./html.js";

/** `graph --format html`: the SVG diagram on a page of its own, nothing loaded from elsewhere. */
export function renderGraphHtml(graph: ArchitectureGraph, diagramSvg: string): string {
  return renderSvgPage(title(graph), diagramSvg);
}

const PAGE_STYLE = [
  "body { margin: 24px; font-family: system-ui, Helvetica, Arial, sans-serif; text-align: center; }",
  "svg { max-width: 100%; height: auto; }",
].join(" ");

/** One SVG diagram on a page titled `pageTitle`. */
export function renderSvgPage(pageTitle: string, diagramSvg: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="generator" content="layerlint graph">
<title>${escapeHtml(pageTitle)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
${inlineSvg(diagramSvg)}
</body>
</html>
`;
}
