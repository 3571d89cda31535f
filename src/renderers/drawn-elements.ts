import type { ArchitectureGraph } from "../domain/architecture/architecture-graph.js";
import { edgeLabel } from "./graph-style.js";
import { plural } from "../domain/plural.js";

/** A node or an edge as a diagram draws it: its name (`api`, `api → db`) and what its label says. */
export interface DrawnElement {
  readonly kind: "node" | "edge";
  readonly name: string;
  readonly label: string;
}

export type DrawnFormat = "mermaid" | "dot" | "svg" | "json" | "html";

/**
 * Reads back the nodes and edges of a diagram layerlint drew, in any of its formats, so `graph --check`
 * can say what changed; null when the text is not a diagram this version of layerlint draws.
 */
export function drawnElements(text: string, format: DrawnFormat): DrawnElement[] | null {
  if (format === "json") return fromJson(text);
  if (format === "mermaid") return fromMermaid(text);
  if (format === "dot") return fromDot(text);
  return fromSvg(text);
}

function fromJson(text: string): DrawnElement[] | null {
  let graph: unknown;
  try {
    graph = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isGraph(graph)) return null;
  return [
    ...graph.nodes.map((node): DrawnElement => ({
      kind: "node",
      name: node.id,
      label: plural(node.modules, "module"),
    })),
    ...graph.edges.map((edge): DrawnElement => ({
      kind: "edge",
      name: `${edge.from} → ${edge.to}`,
      label: edgeLabel(edge),
    })),
  ];
}

function isGraph(value: unknown): value is ArchitectureGraph {
  const candidate = value as Partial<ArchitectureGraph> | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    Array.isArray(candidate.nodes) &&
    Array.isArray(candidate.edges)
  );
}

const MERMAID_NODE = /^\s+(n\d+)\["(.*)"\]$/;
const MERMAID_EDGE = /^\s+(n\d+) -\.?->\|"(.*)"\| (n\d+)$/;

function fromMermaid(text: string): DrawnElement[] | null {
  const names = new Map<string, string>();
  const elements: DrawnElement[] = [];
  for (const line of text.split("\n")) {
    const node = MERMAID_NODE.exec(line);
    if (node !== null) {
      const [, id = "", text = ""] = node;
      const lines = text.split("<br/>").map(unescapeMermaid);
      const counted = lines.findIndex((line, index) => index > 0 && /^\d+ (module|package)s?\b/.test(line));
      const name = lines.slice(0, counted === -1 ? lines.length : counted).join("");
      names.set(id, name);
      elements.push({ kind: "node", name, label: counted === -1 ? "" : lines.slice(counted).join(", ") });
      continue;
    }
    const edge = MERMAID_EDGE.exec(line);
    if (edge !== null) {
      const [, fromId = "", label = "", toId = ""] = edge;
      const from = names.get(fromId) ?? fromId;
      const to = names.get(toId) ?? toId;
      elements.push({ kind: "edge", name: `${from} → ${to}`, label: unescapeMermaid(label) });
    }
  }
  return elements.length === 0 && !text.startsWith("%%") ? null : elements;
}

const QUOTED = String.raw`"((?:[^"\\]|\\.)*)"`;
const DOT_NODE = new RegExp(String.raw`^\s+${QUOTED} \[id="node:(?:[^"\\]|\\.)*", label=${QUOTED}`);
const DOT_EDGE = new RegExp(String.raw`^\s+${QUOTED} -> ${QUOTED} \[.*\btooltip=${QUOTED}`);

/** An edge's tooltip: `from → to: label`, the label being one edgeLabel writes. */
const EDGE_TOOLTIP = /^(.+? → .+?): ((?:violation: |warning: )?\d+ imports?|allowed, unused)$/;

function fromDot(text: string): DrawnElement[] | null {
  if (!/^\/\/ .*\ndigraph /.test(text)) return null;
  const elements: DrawnElement[] = [];
  for (const line of text.split("\n")) {
    const edge = DOT_EDGE.exec(line);
    if (edge !== null) {
      const tooltip = EDGE_TOOLTIP.exec(unquoteDot(edge[3] ?? ""));
      if (tooltip !== null) elements.push(edgeOf(tooltip));
      continue;
    }
    const node = DOT_NODE.exec(line);
    if (node !== null) {
      const [, quotedName = "", quotedLabel = ""] = node;
      const name = unquoteDot(quotedName);
      const counts = unquoteDot(quotedLabel)
        .split("\n")
        .filter((line) => /^\d+ (module|package)s?\b/.test(line));
      elements.push({ kind: "node", name, label: counts.join(", ") });
    }
  }
  return elements;
}

/** An edge from an EDGE_TOOLTIP match, whose two groups always take part. */
function edgeOf([, name = "", label = ""]: RegExpExecArray): DrawnElement {
  return { kind: "edge", name, label };
}

const SVG_TOOLTIP = /<g id="a_(node|edge):[^"]*"><a xlink:title="([^"]*)">/g;

/** SVG (and the HTML page around it): each node and edge carries its tooltip, `name: label`. */
function fromSvg(text: string): DrawnElement[] | null {
  if (!text.includes("<svg")) return null;
  const elements: DrawnElement[] = [];
  for (const match of text.matchAll(SVG_TOOLTIP)) {
    const [tooltip = ""] = unescapeXml(match[2] ?? "").split("\n");
    const edge = match[1] === "edge" ? EDGE_TOOLTIP.exec(tooltip) : null;
    if (edge !== null) {
      elements.push(edgeOf(edge));
      continue;
    }
    const colon = tooltip.indexOf(": ");
    elements.push({
      kind: match[1] as "node" | "edge",
      name: colon === -1 ? tooltip : tooltip.slice(0, colon),
      label: colon === -1 ? "" : tooltip.slice(colon + 2),
    });
  }
  return elements;
}

function unescapeMermaid(text: string): string {
  return text
    .replace(/#quot;/g, '"')
    .replace(/#lt;/g, "<")
    .replace(/#gt;/g, ">")
    .replace(/#35;/g, "#");
}

function unquoteDot(text: string): string {
  return text.replace(/\\(.)/g, (_, character: string) => (character === "n" ? "\n" : character));
}

function unescapeXml(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** What changed from `before` to `after`: one line per element added (+), removed (-) or relabelled (~). */
export function describeChanges(before: readonly DrawnElement[], after: readonly DrawnElement[]): string[] {
  const key = (element: DrawnElement) => `${element.kind}\u0000${element.name}`;
  const old = new Map(before.map((element) => [key(element), element]));
  const now = new Map(after.map((element) => [key(element), element]));
  const show = (element: DrawnElement) =>
    `${element.kind} ${element.name}${element.label === "" ? "" : ` (${element.label})`}`;
  const lines: string[] = [];
  for (const element of after) {
    const previous = old.get(key(element));
    if (previous === undefined) lines.push(`+ ${show(element)}`);
    else if (previous.label !== element.label)
      lines.push(`~ ${element.kind} ${element.name}: ${previous.label || "-"} → ${element.label || "-"}`);
  }
  for (const element of before) if (!now.has(key(element))) lines.push(`- ${show(element)}`);
  return lines;
}
