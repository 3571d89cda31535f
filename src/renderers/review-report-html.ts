import { UNASSIGNED_NODE } from "../domain/architecture/architecture-graph.js";
import type {
  LayerRow,
  ReviewedViolation,
  ReviewReport,
  ViolationGroup,
} from "../domain/architecture/review-report.js";
import { plural } from "./graph-style.js";
import { escapeHtml, inlineSvg } from "./html.js";
import { REVIEW_REPORT_SCRIPT, REVIEW_REPORT_STYLE } from "./review-report-assets.js";

/**
 * The review report as one self-contained HTML page (no CDN, works offline). `diagramSvg` is the
 * layer graph laid out by Graphviz; its `node:`/`edge:` ids let a click filter the tables.
 */
export function renderReviewReportHtml(report: ReviewReport, diagramSvg: string): string {
  const name = report.name ?? "architecture";
  const counts = report.summary.violations;
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
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
    <dt>checked</dt><dd>${plural(report.summary.modules, "module")}, ${report.summary.dependencies} ${report.summary.dependencies === 1 ? "dependency" : "dependencies"}</dd>
    <dt>violations</dt><dd class="${total > 0 ? "bad" : "good"}">${total} (${Object.entries(counts)
      .map(([kind, count]) => `${kind} ${count}`)
      .join(", ")})</dd>
  </dl>
</header>
<main>
<section id="diagram" aria-label="layer diagram">
  <h2>Layers as the code has them</h2>
  <p class="hint">Red: forbidden by the map. Dashed: allowed but unused. Click a layer or an arrow to filter the tables below.</p>
  <div class="diagram">${inlineSvg(diagramSvg)}</div>
</section>
<section id="filters">
  <label for="filter">Filter</label>
  <input id="filter" type="search" placeholder="layer, file, package…" autocomplete="off">
  <span id="selection" hidden></span>
  <button id="clear" type="button" hidden>show all</button>
</section>
<section id="layers">
  <h2>Layers</h2>
  <table>
    <thead><tr><th>layer</th><th>paths</th><th class="number">modules</th><th>may import</th><th>packages allowed</th><th>packages used</th></tr></thead>
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

function layerRow(row: LayerRow): string {
  const title = row.name === UNASSIGNED_NODE ? "no layer" : row.name;
  const allowed =
    row.packagesAllowed === null
      ? '<span class="muted">any</span>'
      : row.packagesAllowed.length === 0
        ? '<span class="muted">none</span>'
        : list(row.packagesAllowed);
  const description = row.description === null ? "" : `<div class="description">${escapeHtml(row.description)}</div>`;
  return `      <tr class="layer" data-layer="${escapeHtml(row.name)}"><td><strong>${escapeHtml(title)}</strong>${description}</td><td>${list(row.paths)}</td><td class="number">${row.modules}</td><td>${row.mayImport.length === 0 ? '<span class="muted">no other layer</span>' : list(row.mayImport)}</td><td>${allowed}</td><td>${row.packagesUsed.length === 0 ? '<span class="muted">none</span>' : list(row.packagesUsed)}</td></tr>`;
}

function groupSection(group: ViolationGroup): string {
  return `  <section class="group" data-from="${escapeHtml(group.from)}" data-to="${escapeHtml(group.to ?? "")}">
    <h3>${escapeHtml(group.title)} <span class="count">${group.violations.length}</span></h3>
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
  const source =
    excerpt === null
      ? ""
      : `<pre class="source">${excerpt.lines
          .map((text, index) => {
            const number = excerpt.firstLine + index;
            return `<span class="${number === excerpt.line ? "line hit" : "line"}"><span class="number">${number}</span>${escapeHtml(text)}</span>`;
          })
          .join("")}</pre>`;
  return `        <tr class="violation" data-from="${escapeHtml(group.from)}" data-to="${escapeHtml(group.to ?? "")}" data-severity="${violation.severity}">
          <td><code>${escapeHtml(where)}</code>${also.length > 0 ? `<div class="muted">also at ${also.join(", ")}</div>` : ""}<div class="muted">${escapeHtml(violation.rule)} · ${violation.severity}</div></td>
          <td>${violation.specifier === null ? '<span class="muted">none</span>' : `<code>${escapeHtml(violation.specifier)}</code>`}</td>
          <td><div>${escapeHtml(violation.message)}</div><div class="fix">${escapeHtml(violation.fix)}</div>${source}</td>
        </tr>`;
}

function list(items: readonly string[]): string {
  return items.map((item) => `<code>${escapeHtml(item)}</code>`).join(" ");
}
