/** What the HTML pages share: escaping, and Graphviz's SVG made fit to sit inside HTML. */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** The SVG without the XML prolog, doctype and comments. */
export function inlineSvg(svg: string): string {
  const start = svg.indexOf("<svg");
  return (start === -1 ? svg : svg.slice(start)).replace(/<!--[^]*?-->\n?/g, "").trim();
}
