/** The review report's stylesheet and script, inlined so the page works offline. */

const SANS_SERIF = 'system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif';
const MONOSPACE = "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";
const PANEL = "background: #ffffff; border: 1px solid var(--line); border-radius: 6px;";
const SOURCE_PANEL = "background: #f6f6f6; border: 1px solid var(--line); border-radius: 4px;";
const STICKY = "position: sticky; top: 0; z-index: 1;";
const FILTER_ROW = "display: flex; gap: 10px; align-items: center; padding: 12px 0;";
const CONTROL_BORDER = "border: 1px solid #bbbbbb; border-radius: 4px;";
const BADGE = "display: inline-block; min-width: 22px; padding: 0 7px; border-radius: 11px;";
const LINE_NUMBER = "padding-right: 12px; text-align: right; color: var(--muted);";

export const REVIEW_REPORT_STYLE = `
:root { --warn: #c77c00; --bad: #d62728; --good: #2a7d2a; --muted: #6b6b6b; --line: #dddddd; --hit: #fff1f0; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 ${SANS_SERIF}; color: #1a1a1a; background: #fafafa; }
header { padding: 20px 32px 12px; background: #ffffff; border-bottom: 1px solid var(--line); }
h1 { margin: 0 0 8px; font-size: 24px; }
h1 .subtitle { font-weight: normal; color: var(--muted); font-size: 18px; }
h2 { font-size: 18px; margin: 28px 0 8px; }
h3 { font-size: 15px; margin: 20px 0 6px; }
main { padding: 0 32px 48px; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; }
.bad { color: var(--bad); font-weight: 600; }
.good { color: var(--good); font-weight: 600; }
.warn { color: var(--warn); font-weight: 600; }
code.tolerated { color: var(--warn); }
.muted { color: var(--muted); }
.hint { color: var(--muted); margin: 0 0 8px; }
.diagram { ${PANEL} padding: 12px; overflow: auto; text-align: center; }
.diagram svg { max-width: 100%; height: auto; }
.diagram g.node, .diagram g.edge { cursor: pointer; }
.diagram g.selected polygon, .diagram g.selected path { stroke-width: 4px; }
.diagram g.node.selected polygon, .diagram g.node.selected path { stroke: #1f4e9c; }
#filters { ${STICKY} ${FILTER_ROW} background: #fafafa; border-bottom: 1px solid var(--line); }
#filters input { flex: 0 1 360px; padding: 6px 10px; font: inherit; border: 1px solid #bbbbbb; border-radius: 4px; }
#selection { padding: 3px 10px; border-radius: 12px; background: #e8eefc; color: #1f4e9c; }
button { font: inherit; padding: 4px 12px; ${CONTROL_BORDER} background: #ffffff; cursor: pointer; }
table { width: 100%; border-collapse: collapse; background: #ffffff; border: 1px solid var(--line); }
th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--line); }
th { background: #f2f2f2; font-weight: 600; }
td.number, th.number { text-align: right; }
code { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.description { color: var(--muted); font-size: 13px; }
.group h3 .count { ${BADGE} background: var(--bad); color: #ffffff; font-size: 12px; text-align: center; }
.group h3 .count.warn-count { background: var(--warn); }
.group td:first-child { width: 26%; overflow-wrap: anywhere; }
.group td:nth-child(2) { width: 18%; overflow-wrap: anywhere; }
.fix { color: var(--muted); margin-top: 2px; }
pre.source { margin: 8px 0 0; padding: 6px 0; ${SOURCE_PANEL} overflow-x: auto; font: 12.5px/1.45 ${MONOSPACE}; }
pre.source .line { display: block; padding: 0 10px 0 0; white-space: pre; }
pre.source .line.hit { background: var(--hit); box-shadow: inset 3px 0 var(--bad); }
pre.source .number { display: inline-block; width: 4em; ${LINE_NUMBER} user-select: none; }
#drill { margin-top: 16px; }
#matrix g.node { cursor: pointer; }
ul.cell-modules { margin: 0 0 12px; padding-left: 20px; }
#drill h2 .muted { font-weight: normal; font-size: 14px; }
table.imports td:first-child { width: 30%; overflow-wrap: anywhere; }
[hidden] { display: none !important; }
`;

export const REVIEW_REPORT_SCRIPT = `
(() => {
  "use strict";
  const filter = document.getElementById("filter");
  const selectionLabel = document.getElementById("selection");
  const clear = document.getElementById("clear");
  const nothingShown = document.getElementById("nothing-shown");
  let selection = null;

  const contains = (element, words) => words === "" || element.textContent.toLowerCase().includes(words);
  const selected = (from, to) =>
    selection === null ||
    (selection.layer !== undefined
      ? from === selection.layer || to === selection.layer
      : from === selection.from && to === selection.to);

  function apply() {
    const words = filter.value.trim().toLowerCase();
    for (const row of document.querySelectorAll("tr.layer")) {
      const layer = row.dataset.layer;
      const inSelection =
        selection === null ||
        (selection.layer !== undefined
          ? layer === selection.layer
          : layer === selection.from || layer === selection.to);
      row.hidden = !(inSelection && contains(row, words));
    }
    let shown = 0;
    for (const group of document.querySelectorAll("section.group")) {
      let visible = 0;
      for (const row of group.querySelectorAll("tr.violation")) {
        const matches = contains(row, words) || contains(group.querySelector("h3"), words);
        row.hidden = !(selected(row.dataset.from, row.dataset.to) && matches);
        if (!row.hidden) visible += 1;
      }
      group.hidden = visible === 0;
      shown += visible;
    }
    nothingShown.hidden = shown > 0 || document.querySelectorAll("tr.violation").length === 0;
    for (const element of document.querySelectorAll("#diagram .selected")) element.classList.remove("selected");
    if (selection !== null) {
      const id =
        selection.layer !== undefined ? "node:" + selection.layer : "edge:" + selection.from + "->" + selection.to;
      document.querySelector('#diagram [id="' + CSS.escape(id) + '"]')?.classList.add("selected");
    }
    selectionLabel.textContent =
      selection === null
        ? ""
        : selection.layer !== undefined
          ? "layer " + selection.layer
          : selection.from + " \\u2192 " + selection.to;
    selectionLabel.hidden = selection === null;
    clear.hidden = selection === null && words === "";
  }

  const overviews = [document.getElementById("diagram"), document.getElementById("matrix")].filter(
    (section) => section !== null,
  );
  const drill = document.getElementById("drill");

  /** The view the URL fragment names: #layer=NAME or #edge=FROM->TO; anything else is the overview. */
  function fromHash() {
    const hash = decodeURIComponent(location.hash.slice(1));
    selection = null;
    if (hash.startsWith("layer=")) selection = { layer: hash.slice("layer=".length) };
    if (hash.startsWith("edge=")) {
      const [from, to] = hash.slice("edge=".length).split("->");
      selection = { from, to };
    }
    let shown = false;
    for (const view of document.querySelectorAll(".drill-view")) {
      view.hidden = view.dataset.view !== hash;
      shown = shown || !view.hidden;
    }
    drill.hidden = !shown;
    for (const section of overviews) section.hidden = shown;
    apply();
  }

  document.querySelector("#diagram svg")?.addEventListener("click", (event) => {
    const target = event.target.closest("g.node, g.edge");
    if (target === null) return;
    if (target.id.startsWith("node:")) location.hash = encodeURIComponent("layer=" + target.id.slice("node:".length));
    if (target.id.startsWith("edge:")) location.hash = encodeURIComponent("edge=" + target.id.slice("edge:".length));
  });
  document.querySelector("#matrix svg")?.addEventListener("click", (event) => {
    const target = event.target.closest("g.node");
    if (target !== null && target.id.startsWith("cell:"))
      location.hash = encodeURIComponent("cell=" + target.id.slice("cell:".length));
  });
  window.addEventListener("hashchange", fromHash);
  // The view changes at once; the hashchange that follows finds it already shown.
  document.getElementById("back").addEventListener("click", () => {
    location.hash = "";
    fromHash();
  });
  filter.addEventListener("input", apply);
  clear.addEventListener("click", () => {
    filter.value = "";
    if (location.hash.length > 1) location.hash = "";
    else fromHash();
  });
  fromHash();
})();
`;
