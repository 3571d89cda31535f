import { UNASSIGNED_NODE } from "../domain/architecture/architecture-graph.js";
import type {
  LayerRow,
  ReviewedImport,
  ReviewedViolation,
  SourceExcerpt,
  ReviewReport,
  ViolationGroup,
} from "../domain/architecture/review-report.js";
import { plural } from "../domain/plural.js";
import { escapeHtml, inlineSvg } from "./html.js";
import { REVIEW_REPORT_SCRIPT, REVIEW_REPORT_STYLE } from "./review-report-assets.js";

/**
 * The review report as one self-contained HTML page (no CDN, works offline). `diagramSvg` is the
 * layer graph laid out by Graphviz; its `node:`/`edge:` ids let a click filter the tables.
 */
export function renderReviewReportHtml(
  report: ReviewReport,
  diagramSvg: string,
  /** Each drill-down layer's folder graph laid out by Graphviz, by layer name. */
  layerSvgs: ReadonlyMap<string, string> = new Map(),
  /** The contexts × layers matrix laid out by Graphviz, when the map declares contexts. */
  matrixSvg: string | null = null,
): string {
  const name = report.name ?? "architecture";
  const counts = report.summary.violations;
  const verdict = report.verdict;
  const dependencies = report.summary.dependencies;
  const checked = `${plural(report.summary.modules, "module")}, ${dependencies} ${
    dependencies === 1 ? "dependency" : "dependencies"
  }`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="layerlint report">
<title>${escapeHtml(name)}: architecture review</title>
<style>${REVIEW_REPORT_STYLE}</style>
</head>
<body>
<header>
  <h1>${escapeHtml(name)} <span class="subtitle">architecture review</span></h1>
  <dl class="meta">
    <dt>commit</dt><dd><code>${escapeHtml(report.commit ?? "not in git")}</code></dd>
    <dt>date</dt><dd><time datetime="${report.date}">${report.date}</time></dd>
    <dt>checked</dt><dd>${checked}</dd>
    <dt>verdict</dt><dd class="${verdict.passes ? "good" : "bad"}" id="verdict">${verdict.passes ? PASSES : FAILS}</dd>
    <dt>errors</dt><dd class="${verdict.errors > 0 ? "bad" : "muted"}" id="errors">${verdict.errors}</dd>
    <dt>warnings</dt><dd class="${verdict.warnings > 0 ? "warn" : "muted"}" id="warnings">${verdict.warnings}</dd>
    <dt>by kind</dt><dd>${Object.entries(counts)
      .map(([kind, count]) => `${kind} ${count}`)
      .join(", ")}</dd>
  </dl>
</header>
<main>
<section id="diagram" aria-label="layer diagram">
  <h2>Layers as the code has them</h2>
  <p class="hint">${DIAGRAM_HINT}</p>
  <div class="diagram">${inlineSvg(diagramSvg)}</div>
</section>
${matrixSection(report, matrixSvg)}${drillSection(report, layerSvgs)}
<section id="filters">
  <label for="filter">Filter</label>
  <input id="filter" type="search" placeholder="layer, file, package…" autocomplete="off">
  <span id="selection" hidden></span>
  <button id="clear" type="button" hidden>show all</button>
</section>
<section id="layers">
  <h2>Layers</h2>
  <table>
    <thead><tr>${LAYER_HEADINGS}</tr></thead>
    <tbody>
${report.layers.map(layerRow).join("\n")}
    </tbody>
  </table>
</section>
<section id="violations">
  <h2>Violations</h2>
${report.groups.length === 0 ? '  <p class="good">No violations.</p>' : report.groups.map(groupSection).join("\n")}
  <p id="nothing-shown" hidden>No violation matches the filter.</p>
</section>
</main>
<script>${REVIEW_REPORT_SCRIPT}</script>
</body>
</html>
`;
}

const PASSES = "passes: <code>layerlint check</code> exits 0";
const FAILS = "fails: <code>layerlint check</code> exits 1";
const DIAGRAM_HINT = [
  "Red and solid: forbidden (error). Amber and dashed: tolerated (warning). Grey: allowed; dotted: allowed but unused.",
  "Click a layer to see the folders inside it, an arrow to see the imports behind it; the tables below follow.",
].join(" ");
const LAYER_HEADINGS = [
  "<th>layer</th>",
  "<th>paths</th>",
  '<th class="number">modules</th>',
  "<th>may import</th>",
  "<th>packages allowed</th>",
  "<th>packages used</th>",
].join("");
const MATRIX_HINT = [
  "Contexts as columns, layers as rows, each cell sized by its modules; arrows are imports from one context to",
  "another, red when they break a context rule. Click a cell to see its modules and the imports crossing into or",
  "out of it.",
].join(" ");
const NO_CROSSING_IMPORT =
  '      <tr><td colspan="3" class="muted">no import crosses into or out of this cell</td></tr>';

/**
 * One hidden view per layer and per edge; the script shows the one the URL fragment names (`#layer=api`,
 * `#edge=api->db`).
 */
function drillSection(report: ReviewReport, layerSvgs: ReadonlyMap<string, string>): string {
  const layerViews = report.drill.layers.map(({ layer, graph }) => {
    const name = layer === UNASSIGNED_NODE ? "files no layer claims" : `layer ${layer}`;
    const svg = layerSvgs.get(layer);
    return `  <div class="drill-view" data-view="${escapeHtml(`layer=${layer}`)}" hidden>
    <h2>Inside ${escapeHtml(name)} <span class="muted">${plural(
      graph.nodes.reduce((sum, node) => sum + node.modules, 0),
      "module",
    )} in ${plural(graph.nodes.length, "folder")}</span></h2>
    ${svg === undefined ? "" : `<div class="diagram">${inlineSvg(svg)}</div>`}
  </div>`;
  });
  const edgeViews = report.drill.edges.map((edge) => {
    const shown = edge.imports.map(importRow).join("\n");
    const more =
      edge.more > 0
        ? `\n      <tr><td colspan="3" class="muted">and ${plural(edge.more, "more import")}</td></tr>`
        : "";
    const count = plural(edge.imports.length + edge.more, "import");
    return `  <div class="drill-view" data-view="${escapeHtml(`edge=${edge.from}->${edge.to}`)}" hidden>
    <h2>${escapeHtml(edge.from)} → ${escapeHtml(edge.to)} <span class="muted">${count}</span></h2>
    <table class="imports">
      <thead><tr><th>where</th><th>import as written</th><th>imported file, and the source</th></tr></thead>
      <tbody>
${shown}${more}
      </tbody>
    </table>
  </div>`;
  });
  const cellViews = (report.contextMatrix?.cells ?? []).map((cell) => {
    const modules = report.contextMatrix?.matrix.cells.find(
      (candidate) => candidate.context === cell.context && candidate.layer === cell.layer,
    )?.modules;
    const more =
      cell.more > 0
        ? `\n      <tr><td colspan="3" class="muted">and ${plural(cell.more, "more import")}</td></tr>`
        : "";
    const crossing = plural(cell.imports.length + cell.more, "cross-context import");
    const counts = `${plural(modules?.length ?? 0, "module")}, ${crossing}`;
    const items = (modules ?? []).map((module) => `<li><code>${escapeHtml(module)}</code></li>`).join("");
    const rows =
      cell.imports.length === 0 && cell.more === 0 ? NO_CROSSING_IMPORT : cell.imports.map(importRow).join("\n");
    return `  <div class="drill-view" data-view="${escapeHtml(`cell=${cell.context}/${cell.layer}`)}" hidden>
    <h2>${escapeHtml(cell.context)} × ${escapeHtml(cell.layer)} <span class="muted">${counts}</span></h2>
    <ul class="cell-modules">${items}</ul>
    <table class="imports">
      <thead><tr><th>where</th><th>import as written</th><th>imported file, and the source</th></tr></thead>
      <tbody>
${rows}${more}
      </tbody>
    </table>
  </div>`;
  });
  return `<section id="drill" aria-label="drill-down" hidden>
  <p><button id="back" type="button">← back to the overview</button></p>
${[...layerViews, ...edgeViews, ...cellViews].join("\n")}
</section>`;
}

/** Contexts × layers under the layer diagram; a click on a cell opens `#cell=<context>/<layer>`. */
function matrixSection(report: ReviewReport, matrixSvg: string | null): string {
  if (report.contextMatrix === undefined || matrixSvg === null) return "";
  return `<section id="matrix" aria-label="contexts by layers">
  <h2>Contexts × layers</h2>
  <p class="hint">${MATRIX_HINT}</p>
  <div class="diagram">${inlineSvg(matrixSvg)}</div>
</section>
`;
}

/** A path or specifier that a narrow column breaks after a `/` rather than inside a name. */
function breakablePath(path: string): string {
  return escapeHtml(path).replaceAll("/", "/<wbr>");
}

function importRow(reviewed: ReviewedImport): string {
  const where = reviewed.line === null ? reviewed.from : `${reviewed.from}:${reviewed.line}:${reviewed.column}`;
  const imported = `<code>${escapeHtml(reviewed.to)}</code>${sourceOf(reviewed.excerpt)}`;
  const specifier = `<code>${breakablePath(reviewed.specifier)}</code>`;
  const cells = `<td><code>${breakablePath(where)}</code></td><td>${specifier}</td>`;
  return `      <tr class="import">${cells}<td>${imported}</td></tr>`;
}

function sourceOf(excerpt: SourceExcerpt | null): string {
  return excerpt === null
    ? ""
    : `<pre class="source">${excerpt.lines
        .map((text, index) => {
          const number = excerpt.firstLine + index;
          const line = `<span class="number">${number}</span>${escapeHtml(text)}`;
          return `<span class="${number === excerpt.line ? "line hit" : "line"}">${line}</span>`;
        })
        .join("")}</pre>`;
}

function layerRow(row: LayerRow): string {
  const title = row.name === UNASSIGNED_NODE ? "no layer" : row.name;
  const allowed =
    row.packagesAllowed === null
      ? '<span class="muted">any</span>'
      : row.packagesAllowed.length === 0
        ? '<span class="muted">none</span>'
        : list(row.packagesAllowed);
  const description = row.description === null ? "" : `<div class="description">${escapeHtml(row.description)}</div>`;
  const used = row.packagesUsed.length === 0 ? '<span class="muted">none</span>' : list(row.packagesUsed);
  const cells = [
    `<td><strong>${escapeHtml(title)}</strong>${description}</td>`,
    `<td>${list(row.paths)}</td>`,
    `<td class="number">${row.modules}</td>`,
    `<td>${mayImport(row)}</td>`,
    `<td>${allowed}</td>`,
    `<td>${used}</td>`,
  ];
  return `      <tr class="layer" data-layer="${escapeHtml(row.name)}">${cells.join("")}</tr>`;
}

/** The allowed layers, then those tolerated at severity warn, marked and with the map's reason on hover. */
function mayImport(row: LayerRow): string {
  if (row.mayImport.length === 0 && row.tolerated.length === 0) return '<span class="muted">no other layer</span>';
  const tolerated = row.tolerated.map(({ layer, reason }) => {
    const title = reason === null ? "" : ` title="${escapeHtml(reason)}"`;
    return `<code class="tolerated"${title}>${escapeHtml(layer)}</code> <span class="warn">(warning)</span>`;
  });
  return [list(row.mayImport), ...tolerated].filter((part) => part !== "").join(" ");
}

function groupSection(group: ViolationGroup): string {
  const warnOnly = group.violations.every(({ violation }) => violation.severity === "warn");
  const count = `<span class="count${warnOnly ? " warn-count" : ""}">${group.violations.length}</span>`;
  return `  <section class="group" data-from="${escapeHtml(group.from)}" data-to="${escapeHtml(group.to ?? "")}">
    <h3>${escapeHtml(group.title)} ${count}</h3>
    <table>
      <thead><tr><th>where</th><th>import as written</th><th>what is wrong, and the fix</th></tr></thead>
      <tbody>
${group.violations.map((reviewed) => violationRow(group, reviewed)).join("\n")}
      </tbody>
    </table>
  </section>`;
}

function violationRow(group: ViolationGroup, { violation, excerpt }: ReviewedViolation): string {
  const where = violation.line === null ? violation.from : `${violation.from}:${violation.line}:${violation.column}`;
  const also = violation.locations.slice(1).map((location) => `${location.line}:${location.column}`);
  const source = sourceOf(excerpt);
  const data = `data-from="${escapeHtml(group.from)}" data-to="${escapeHtml(group.to ?? "")}"`;
  const alsoAt = also.length > 0 ? `<div class="muted">also at ${also.join(", ")}</div>` : "";
  const rule = `<div class="muted">${escapeHtml(violation.rule)} · ${violation.severity}</div>`;
  const specifier =
    violation.specifier === null
      ? '<span class="muted">none</span>'
      : `<code>${breakablePath(violation.specifier)}</code>`;
  const wrong = `<div>${escapeHtml(violation.message)}</div><div class="fix">${escapeHtml(violation.fix)}</div>`;
  return `        <tr class="violation" ${data} data-severity="${violation.severity}">
          <td><code>${breakablePath(where)}</code>${alsoAt}${rule}</td>
          <td>${specifier}</td>
          <td>${wrong}${source}</td>
        </tr>`;
}

function list(items: readonly string[]): string {
  return items.map((item) => `<code>${escapeHtml(item)}</code>`).join(" ");
}
