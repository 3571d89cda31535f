#!/usr/bin/env node
// What `layerlint graph` and `layerlint report` add to the check itself, on a generated project.
//
//   npm run build && node scripts/bench/graph-overhead.mjs [--modules 10000] [--runs 3]
//
// Runs the check's analysis once with the real dependency-cruiser, then replays its module graph
// (and no syntax check) so each measured run times only layerlint's own work: the analysis around the
// cruise, then the graph or report work on top of it. Prints medians in milliseconds.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { analyzeProject } from "../../dist/application/analyze-project.js";
import { graphOf } from "../../dist/application/build-graph.js";
import { buildReviewReport } from "../../dist/application/build-review-report.js";
import { loadLayerMap } from "../../dist/application/load-layer-map.js";
import { defaultPorts } from "../../dist/cli/default-ports.js";
import { renderers, renderReviewReportHtml } from "../../dist/renderers/index.js";
import { generateProject } from "./generate-project.mjs";

const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const modules = argument("--modules", 10000);
const runs = argument("--runs", 3);

const dir = mkdtempSync(join(tmpdir(), "layerlint-graph-bench-"));
try {
  generateProject({ modules, dir });
  const real = defaultPorts();
  let cruised;
  const ports = defaultPorts({
    syntax: { check: () => Promise.resolve([]) },
    extractor: { extract: async (files, options) => (cruised ??= await real.extractor.extract(files, options)) },
  });
  const loaded = await loadLayerMap(ports, join(dir, "layers.yaml"), dir);
  const started = performance.now();
  const analysis = await analyzeProject(ports, { loaded });
  const cruiseMs = performance.now() - started;

  const measure = async (work) => {
    const times = [];
    for (let run = 0; run < runs; run += 1) {
      const begin = performance.now();
      await work();
      times.push(performance.now() - begin);
    }
    return Math.round(times.sort((a, b) => a - b)[Math.floor(times.length / 2)]);
  };
  const date = new Date(0);
  const results = {
    "check, first run (real cruise)": Math.round(cruiseMs),
    "analysis around a replayed cruise": await measure(() => analyzeProject(ports, { loaded })),
    "graph: layer level + mermaid": await measure(() => renderers.mermaid(graphOf(analysis, { level: "layer" }))),
    "graph: layer level + svg": await measure(() =>
      ports.svg.renderDot(renderers.dot(graphOf(analysis, { level: "layer", showUnused: true, packages: true }))),
    ),
    "graph: module level --collapse 3 + dot": await measure(() =>
      renderers.dot(graphOf(analysis, { level: "module", collapse: 3 })),
    ),
    "graph: module level + json": await measure(() => renderers.json(graphOf(analysis, { level: "module" }))),
    "report (analysis around a replayed cruise included) + svg + html": await measure(async () => {
      const report = await buildReviewReport(ports, { loaded, date });
      return renderReviewReportHtml(report, await ports.svg.renderDot(renderers.dot(report.graph)));
    }),
  };
  console.log(
    `${modules} modules, ${analysis.report.summary.dependencies} dependencies, ${analysis.report.violations.length} violations; medians of ${runs} runs (ms)`,
  );
  for (const [name, ms] of Object.entries(results)) console.log(`${String(ms).padStart(7)}  ${name}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
