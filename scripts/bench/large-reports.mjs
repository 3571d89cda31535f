#!/usr/bin/env node
// Every reporter and the baseline (record, write, read, match) at the sizes of a large monorepo, built in
// memory: no cruise. A benchmark, never an assertion: prints the time and the heap after each step.
//
//   npm run build && node scripts/bench/large-reports.mjs [--warnings 500000] [--entries 1000000]

import { performance } from "node:perf_hooks";
import { createBaseline, serializeBaseline } from "../../dist/domain/baseline/baseline.js";
import { matchBaseline } from "../../dist/domain/baseline/match-baseline.js";
import { parseBaseline } from "../../dist/domain/baseline/parse-baseline.js";
import { reporters } from "../../dist/reporters/index.js";

const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const warningCount = argument("--warnings", 500_000);
const entryCount = argument("--entries", 1_000_000);

const violation = (index) => {
  const from = `src/domain/file-${String(index).padStart(7, "0")}.ts`;
  return {
    id: `layer-${index.toString(16).padStart(12, "0")}`,
    kind: "layer",
    severity: "error",
    rule: "layer/domain->db",
    from,
    to: "src/db/client.ts",
    fromLayer: "domain",
    toLayer: "db",
    fromContext: null,
    toContext: null,
    specifier: "../db/client.js",
    line: 1,
    column: 1,
    locations: [{ line: 1, column: 1, specifier: "../db/client.js" }],
    dependencyTypes: ["local"],
    message: `domain may not import db: ${from} imports src/db/client.ts`,
    fix: "move the import behind a port",
  };
};

const step = (label, work) => {
  const started = performance.now();
  const result = work();
  const ms = Math.round(performance.now() - started);
  const heap = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  console.log(`${label.padEnd(44)} ${String(ms).padStart(7)} ms   heap ${String(heap).padStart(6)} MB`);
  return result;
};

const violations = step(`build ${entryCount} violations`, () =>
  Array.from({ length: entryCount }, (_, i) => violation(i)),
);
const warnings = step(`build ${warningCount} warnings`, () =>
  Array.from({ length: warningCount }, (_, i) => ({
    code: "unresolved-import",
    file: `src/generated/file-${i}.ts`,
    message: `src/generated/file-${i}.ts:1:1 imports "./missing-${i}", which does not resolve`,
  })),
);
const recorded = step("baseline: record", () => createBaseline(violations));
const text = step("baseline: serialize", () => serializeBaseline(recorded));
const read = step(`baseline: parse (${Math.round(text.length / 2 ** 20)} MB)`, () =>
  parseBaseline("baseline.json", text),
);
const match = step("baseline: match half of today's", () =>
  matchBaseline(violations.slice(0, entryCount / 2), read, () => true),
);
step("baseline: serialize the shrunk one", () => serializeBaseline(match.shrunk));

const report = {
  version: 1,
  summary: {
    modules: warningCount,
    dependencies: 0,
    unresolved: warningCount,
    excluded: 0,
    parseErrors: 0,
    skipped: 0,
    violations: { layer: 0, package: 0, private: 0, context: 0, unassigned: 0, cycle: 0, size: 0 },
    baseline: { new: 0, known: entryCount / 2, stale: match.stale, staleAction: "error" },
  },
  violations: [],
  warnings,
};
for (const [format, reporter] of Object.entries(reporters)) {
  const output = step(`report: ${format}`, () => reporter(report, { color: false, quiet: false }));
  console.log(`${"".padEnd(44)} ${Math.round(output.length / 2 ** 20)} MB of ${format}`);
}
