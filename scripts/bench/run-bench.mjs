#!/usr/bin/env node
// Benchmarks layerlint against raw dependency-cruiser run with the configuration layerlint ejects.
//
//   npm run build && npm run bench -- [--modules 1000,10000] [--runs 5] [--warmup 1] [--map 5|50] [--seed 42] [--keep]
//                                     [--cores 1,2,all]
//
// For each size: generates a project once (generate-project.mjs) into a temp folder, ejects the
// dependency-cruiser config with `layerlint compile --format cjs`, then alternates (run order flips
// every run, so both share the machine's noise) two child processes:
//   (a) node dist/cli/bin.js check --no-cache --format json --timings
//   (b) node node_modules/dependency-cruiser/bin/dependency-cruise.mjs --config <ejected.cjs> --output-type json src
//   (c) the same with the ejected configuration minus its cycle rule: raw dependency-cruiser's cycle search is
//       most of its time on big trees, and layerlint finds the same loops its own way, so (c) shows what
//       layerlint costs beside the cruise alone.
// Wall time is performance.now() around spawnSync; peak RSS comes from /usr/bin/time -v when present.
// Prints medians, the ratio layerlint/raw, layerlint's phase medians (from --timings) and a Markdown
// table to paste into the README. Both must find the same layer violations and import cycles, else a loud MISMATCH.
// Then the cache (on by default): layerlint warm with nothing changed, after a one-line edit of one file
// (its imports unchanged), and after adding one file, each as a ratio against the raw median of the same
// run; the first two must print the cold run's report byte for byte, the third report one more module and
// the same violations, else a loud MISMATCH. The cache ratios are printed against raw with and without its
// cycle rule.
// --cores runs everything once per core count, each child process pinned with `taskset -c 0-(N-1)` (Linux):
// what layerlint does on other cores (the cruise's worker thread beside the calling thread, garbage collection
// and compilation threads) shows against raw dependency-cruiser on the same cores.

import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { generateProject } from "./generate-project.mjs";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const LAYERLINT_BIN = join(REPO, "dist", "cli", "bin.js");
const DEPCRUISE_BIN = join(REPO, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
const TIME_BIN = "/usr/bin/time";
const TASKSET_BIN = "/usr/bin/taskset";
/** The CPUs (taskset's list) every child process is pinned to, or null for all. */
let pinnedTo = null;
const PHASES = ["list", "cruise", "cycles", "locate", "parse-check"];
// parse-check reads the files while the cruise runs and answers from its parse; what is left after it overlaps cycles
// and locate.
const SERIAL_PHASES = ["list", "cruise", "cycles", "locate"];
const OWN_PHASES = ["list", "cycles", "locate"];
const MAX_BUFFER = 1024 * 1024 * 1024;

function parseArguments(argv) {
  const options = { modules: [1000, 10000], runs: 5, warmup: 1, map: "5", seed: 42, keep: false, cores: ["all"] };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    const next = () => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${argument} needs a value`);
      return value;
    };
    if (argument === "--modules")
      options.modules = next()
        .split(",")
        .map((size) => Number(size.trim()));
    else if (argument === "--runs") options.runs = Number(next());
    else if (argument === "--warmup") options.warmup = Number(next());
    else if (argument === "--map") options.map = next();
    else if (argument === "--seed") options.seed = Number(next());
    else if (argument === "--keep") options.keep = true;
    else if (argument === "--cores")
      options.cores = next()
        .split(",")
        .map((count) => (count.trim() === "all" ? "all" : Number(count.trim())));
    else if (argument === "--help" || argument === "-h") {
      console.log(
        "usage: run-bench.mjs [--modules 1000,10000] [--runs 5] [--warmup 1] [--map 5|50] [--seed 42] [--keep] [--cores 1,2,all]",
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${argument}`);
  }
  if (options.modules.some((size) => !Number.isInteger(size) || size <= 0))
    throw new Error("--modules takes positive integers, comma-separated");
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error("--runs must be >= 1");
  if (!Number.isInteger(options.warmup) || options.warmup < 0) throw new Error("--warmup must be >= 0");
  if (!["5", "50"].includes(options.map)) throw new Error("--map is 5 or 50");
  if (
    options.cores.some((count) => count !== "all" && !(Number.isInteger(count) && count >= 1 && count <= cpus().length))
  )
    throw new Error(`--cores takes core counts from 1 to ${cpus().length}, or all, comma-separated`);
  if (options.cores.some((count) => count !== "all") && !existsSync(TASKSET_BIN))
    throw new Error(`--cores needs ${TASKSET_BIN} (util-linux)`);
  return options;
}

const median = (values) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => (Number.isFinite(value) ? `${Math.round(value)}` : "n/a");
const mb = (kilobytes) => (Number.isFinite(kilobytes) ? `${Math.round(kilobytes / 1024)}` : "n/a");
const log = (text) => process.stdout.write(`${text}\n`);

const hasTime = existsSync(TIME_BIN) && spawnSync(TIME_BIN, ["-v", "true"], { encoding: "utf8" }).status === 0;

/** Runs `node args` in cwd; returns wall ms, peak RSS (kB, or NaN) and the outputs. */
function runNode(args, cwd) {
  const node =
    pinnedTo === null ? [process.execPath, ...args] : [TASKSET_BIN, "-c", pinnedTo, process.execPath, ...args];
  const [command, commandArgs] = hasTime ? [TIME_BIN, ["-v", ...node]] : [node[0], node.slice(1)];
  const started = performance.now();
  const child = spawnSync(command, commandArgs, {
    cwd,
    encoding: "utf8",
    maxBuffer: MAX_BUFFER,
    env: { ...process.env, NO_COLOR: "1" },
  });
  const wallMs = performance.now() - started;
  if (child.error) throw child.error;
  let stderr = child.stderr;
  let rssKb = NaN;
  if (hasTime) {
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    if (match) rssKb = Number(match[1]);
    // /usr/bin/time appends its report (a "Command being timed" block) to the child's stderr.
    const cut = stderr.lastIndexOf("\tCommand being timed:");
    if (cut >= 0) stderr = stderr.slice(0, cut);
  }
  return { wallMs, rssKb, status: child.status, stdout: child.stdout, stderr };
}

function runLayerlint(project, configArgs, cacheArgs = ["--no-cache"]) {
  const result = runNode(
    [LAYERLINT_BIN, "check", ...configArgs, ...cacheArgs, "--format", "json", "--timings"],
    project,
  );
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`layerlint check exited ${result.status}:\n${result.stderr}`);
  const report = JSON.parse(result.stdout);
  const line = result.stderr.split("\n").find((text) => text.startsWith("timings:"));
  if (line === undefined) throw new Error(`layerlint printed no timings line:\n${result.stderr}`);
  const phases = Object.fromEntries(
    [...line.matchAll(/([\w-]+) (\d+) ms/g)].map(([, phase, value]) => [phase, Number(value)]),
  );
  return {
    ...result,
    phases,
    layerViolations: report.summary.violations.layer,
    packageViolations: report.summary.violations.package,
    unassigned: report.summary.violations.unassigned,
    cycles: report.violations
      .filter((violation) => violation.kind === "cycle")
      .map((violation) => violation.cycle.slice(0, -1).join(" > "))
      .sort(),
    modules: report.summary.modules,
    dependencies: report.summary.dependencies,
    unresolved: report.summary.unresolved,
  };
}

function runRaw(project, ejected) {
  const result = runNode([DEPCRUISE_BIN, "--config", ejected, "--output-type", "json", "src"], project);
  let output;
  try {
    output = JSON.parse(result.stdout);
  } catch {
    throw new Error(
      `raw dependency-cruiser exited ${result.status} without JSON output:\n${result.stderr.slice(0, 4000)}`,
    );
  }
  const violations = output.summary.violations;
  // layerlint reports one layer violation per (from, to); count raw the same way.
  const distinct = (kind) =>
    new Set(
      violations
        .filter((violation) => kind.test(violation.rule.name))
        .map((violation) => `${violation.rule.name}\u0000${violation.from}\u0000${violation.to}`),
    ).size;
  const layerPairs = new Set(
    violations
      .filter((violation) => /-may-not-import-/.test(violation.rule.name))
      .map((violation) => `${violation.from}\u0000${violation.to}`),
  ).size;
  return {
    ...result,
    layerViolations: layerPairs,
    layerViolationEntries: violations.filter((violation) => /-may-not-import-/.test(violation.rule.name)).length,
    packageViolations: distinct(/-may-not-use-/),
    // dependency-cruiser flags every import closing a loop; layerlint reports each loop once, from its smallest path.
    cycles: [
      ...new Set(
        violations
          .filter((violation) => violation.rule.name === "no-import-cycles")
          .map((violation) =>
            canonicalLoop([violation.from, ...violation.cycle.slice(0, -1).map((step) => step.name)]),
          ),
      ),
    ].sort(),
    modules: output.summary.totalCruised,
    dependencies: output.summary.totalDependenciesCruised,
  };
}

function canonicalLoop(members) {
  const start = members.indexOf([...members].sort()[0]);
  return [...members.slice(start), ...members.slice(0, start)].join(" > ");
}

/** The ejected configuration without its cycle rule, next to it. */
function withoutCycleRule(ejected) {
  const config = createRequire(import.meta.url)(ejected);
  const file = ejected.replace(/\.cjs$/, ".no-cycles.cjs");
  writeFileSync(
    file,
    `module.exports = ${JSON.stringify({ ...config, forbidden: config.forbidden.filter((rule) => rule.name !== "no-import-cycles") }, null, 2)};\n`,
  );
  return file;
}

function benchSize(size, options) {
  const root = mkdtempSync(join(tmpdir(), `layerlint-bench-${size}-`));
  const project = join(root, "project");
  const ejected = join(root, "ejected.cjs");
  try {
    let started = performance.now();
    const generated = generateProject({
      modules: size,
      dir: project,
      seed: options.seed,
      fiftyLayers: options.map === "50",
    });
    log(`\n## ${size} modules (${options.map}-layer map)\n`);
    log(
      `generated ${generated.modules} files, ${generated.edges} imports (${generated.forbiddenEdges} forbidden, ${generated.packageImports} packages, ${generated.cjsFiles} .cjs) in ${ms(performance.now() - started)} ms: ${project}`,
    );

    const configArgs = options.map === "50" ? ["--config", "layers.50.yaml"] : [];
    const compile = runNode([LAYERLINT_BIN, "compile", ...configArgs, "--format", "cjs", "-o", ejected], project);
    if (compile.status !== 0) throw new Error(`layerlint compile exited ${compile.status}:\n${compile.stderr}`);
    const ejectedNoCycles = withoutCycleRule(ejected);

    const layerlintRuns = [];
    const rawRuns = [];
    const rawNoCycleRuns = [];
    for (let i = 0; i < options.warmup; i++) {
      started = performance.now();
      runLayerlint(project, configArgs);
      runRaw(project, ejected);
      runRaw(project, ejectedNoCycles);
      log(`warm-up ${i + 1}/${options.warmup}: ${ms(performance.now() - started)} ms (not counted)`);
    }
    for (let i = 0; i < options.runs; i++) {
      // Flip the order every run so neither side always runs on a warmer (or hotter) machine.
      const order = i % 2 === 0 ? ["layerlint", "raw", "raw-no-cycles"] : ["raw-no-cycles", "raw", "layerlint"];
      const line = [];
      for (const which of order) {
        if (which === "layerlint") {
          const run = runLayerlint(project, configArgs);
          layerlintRuns.push(run);
          line.push(
            `layerlint ${ms(run.wallMs)} ms (${PHASES.map((phase) => `${phase} ${run.phases[phase] ?? "?"}`).join(", ")})`,
          );
        } else if (which === "raw") {
          const run = runRaw(project, ejected);
          rawRuns.push(run);
          line.push(`raw ${ms(run.wallMs)} ms`);
        } else {
          const run = runRaw(project, ejectedNoCycles);
          rawNoCycleRuns.push(run);
          line.push(`raw without the cycle rule ${ms(run.wallMs)} ms`);
        }
      }
      log(`run ${i + 1}/${options.runs}: ${line.join(" | ")}`);
    }

    const first = layerlintRuns[0];
    const raw = rawRuns[0];
    const mismatches = [];
    for (const run of layerlintRuns)
      if (run.layerViolations !== first.layerViolations)
        mismatches.push(`layerlint found ${run.layerViolations} then ${first.layerViolations} layer violations`);
    for (const run of rawRuns)
      if (run.layerViolations !== raw.layerViolations)
        mismatches.push(`raw found ${run.layerViolations} then ${raw.layerViolations} layer violations`);
    if (first.layerViolations !== raw.layerViolations)
      mismatches.push(
        `layerlint found ${first.layerViolations} layer violations, raw dependency-cruiser ${raw.layerViolations}`,
      );
    if (first.cycles.join("\n") !== raw.cycles.join("\n"))
      mismatches.push(
        `layerlint found ${first.cycles.length} import cycles, raw dependency-cruiser ${raw.cycles.length}, not all the same`,
      );
    if (first.packageViolations !== raw.packageViolations)
      mismatches.push(
        `layerlint found ${first.packageViolations} package violations, raw dependency-cruiser ${raw.packageViolations}`,
      );
    if (first.layerViolations !== generated.forbiddenEdges)
      mismatches.push(
        `the generator planted ${generated.forbiddenEdges} forbidden imports, layerlint found ${first.layerViolations}`,
      );
    if (first.unresolved > 0)
      mismatches.push(
        `layerlint could not resolve ${first.unresolved} imports (the generated project should resolve fully)`,
      );
    for (const mismatch of mismatches) log(`\n!!!!!!!! MISMATCH: ${mismatch} !!!!!!!!`);
    if (mismatches.length === 0) {
      log(
        `violations agree: ${first.layerViolations} layer (raw: ${raw.layerViolationEntries} dependency entries), ${first.packageViolations} package, as planted; the same ${first.cycles.length} import cycles`,
      );
    }

    // The cache: filled once, then warm runs with nothing changed, then runs each after a one-line edit.
    runLayerlint(project, configArgs, []);
    const editFolder = join(project, "src", "domain", "s0");
    const edited = join(
      editFolder,
      readdirSync(editFolder)
        .filter((file) => file.endsWith(".ts"))
        .sort()[0],
    );
    const warmRuns = [];
    const editedRuns = [];
    const addedRuns = [];
    // What a cold run reports for the tree as it is: each added file adds a module.
    let expected = first.stdout;
    for (let i = 0; i < options.runs; i++) {
      const warm = runLayerlint(project, configArgs, []);
      appendFileSync(edited, `// bench edit ${i}\n`);
      const afterEdit = runLayerlint(project, configArgs, []);
      for (const [name, run] of [
        ["warm", warm],
        ["one-file-edited", afterEdit],
      ]) {
        if (run.stdout !== expected) mismatches.push(`the ${name} cached run's report differs from the cold run's`);
        if (!/^cache: graph /m.test(run.stderr)) mismatches.push(`the ${name} cached run printed no cache line`);
      }
      if (!warm.stderr.includes("(nothing changed)")) mismatches.push("a warm run did not answer from the cache");
      if (!afterEdit.stderr.includes(`re-cruised ${edited.slice(project.length + 1)})`))
        mismatches.push("a one-file-edited run re-cruised more than the edited file");
      // A new file is cruised alone, with the importers whose imports could now resolve to it (none here).
      writeFileSync(join(editFolder, `bench-added-${i}.ts`), `export const added${i} = ${i};\n`);
      const afterAdd = runLayerlint(project, configArgs, []);
      expected = runLayerlint(project, configArgs).stdout;
      if (afterAdd.stdout !== expected || afterAdd.modules !== first.modules + i + 1)
        mismatches.push(
          "the one-file-added cached run's report differs from the cold run's, or does not count the added module",
        );
      warmRuns.push(warm);
      editedRuns.push(afterEdit);
      addedRuns.push(afterAdd);
      log(
        `cache run ${i + 1}/${options.runs}: warm ${ms(warm.wallMs)} ms | one file edited ${ms(afterEdit.wallMs)} ms (${afterEdit.stderr.split("\n").find((line) => line.startsWith("cache: ")) ?? "no cache line"}) | one file added ${ms(afterAdd.wallMs)} ms`,
      );
    }
    for (const mismatch of mismatches.filter((text) => /cached|warm|re-cruised|added/.test(text)))
      log(`\n!!!!!!!! MISMATCH: ${mismatch} !!!!!!!!`);

    const summary = {
      size,
      warmMs: median(warmRuns.map((run) => run.wallMs)),
      editedMs: median(editedRuns.map((run) => run.wallMs)),
      addedMs: median(addedRuns.map((run) => run.wallMs)),
      warmRssKb: median(warmRuns.map((run) => run.rssKb)),
      editedRssKb: median(editedRuns.map((run) => run.rssKb)),
      dependencies: first.dependencies,
      layerViolations: first.layerViolations,
      rawLayerViolations: raw.layerViolations,
      match: mismatches.length === 0,
      layerlintMs: median(layerlintRuns.map((run) => run.wallMs)),
      rawMs: median(rawRuns.map((run) => run.wallMs)),
      rawNoCyclesMs: median(rawNoCycleRuns.map((run) => run.wallMs)),
      cycles: first.cycles.length,
      layerlintRssKb: median(layerlintRuns.map((run) => run.rssKb)),
      rawRssKb: median(rawRuns.map((run) => run.rssKb)),
      rawNoCyclesRssKb: median(rawNoCycleRuns.map((run) => run.rssKb)),
      phases: Object.fromEntries(
        PHASES.map((phase) => [phase, median(layerlintRuns.map((run) => run.phases[phase] ?? NaN))]),
      ),
      // Process start, module loading, reading the map and rendering the report: wall minus the phases.
      outsidePhases: median(
        layerlintRuns.map(
          (run) => run.wallMs - SERIAL_PHASES.reduce((total, phase) => total + (run.phases[phase] ?? 0), 0),
        ),
      ),
    };
    summary.ratio = summary.layerlintMs / summary.rawMs;
    summary.noCyclesRatio = summary.layerlintMs / summary.rawNoCyclesMs;
    summary.warmRatio = summary.warmMs / summary.rawMs;
    summary.editedRatio = summary.editedMs / summary.rawMs;
    summary.addedRatio = summary.addedMs / summary.rawMs;
    // The ratios the issue's targets are stated in: against raw without its cycle rule.
    summary.warmNoCyclesRatio = summary.warmMs / summary.rawNoCyclesMs;
    summary.editedNoCyclesRatio = summary.editedMs / summary.rawNoCyclesMs;
    summary.addedNoCyclesRatio = summary.addedMs / summary.rawNoCyclesMs;
    summary.own = OWN_PHASES.reduce((total, phase) => total + summary.phases[phase], 0);
    summary.ownShare = summary.own / summary.phases.cruise;

    log(
      `medians of ${options.runs}: layerlint ${ms(summary.layerlintMs)} ms, raw ${ms(summary.rawMs)} ms, ratio ${summary.ratio.toFixed(2)}; raw without the cycle rule ${ms(summary.rawNoCyclesMs)} ms, ratio ${summary.noCyclesRatio.toFixed(2)}`,
    );
    log(
      `cache (medians of ${options.runs}): warm ${ms(summary.warmMs)} ms = ${summary.warmRatio.toFixed(3)}× raw, ${summary.warmNoCyclesRatio.toFixed(3)}× raw without the cycle rule; one file edited ${ms(summary.editedMs)} ms = ${summary.editedRatio.toFixed(3)}× raw, ${summary.editedNoCyclesRatio.toFixed(3)}× without; one file added ${ms(summary.addedMs)} ms = ${summary.addedRatio.toFixed(3)}× raw, ${summary.addedNoCyclesRatio.toFixed(3)}× without`,
    );
    log(
      `layerlint phases (median ms): ${PHASES.map((phase) => `${phase} ${ms(summary.phases[phase])}`).join(", ")}; outside the phases ${ms(summary.outsidePhases)}`,
    );
    if (hasTime)
      log(
        `peak RSS (median MB): layerlint ${mb(summary.layerlintRssKb)}, raw ${mb(summary.rawRssKb)}, raw without the cycle rule ${mb(summary.rawNoCyclesRssKb)}`,
      );
    log(`verdict: ${verdict(summary)}`);
    return summary;
  } finally {
    if (options.keep) log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

function verdict(summary) {
  const percent = (summary.ownShare * 100).toFixed(1);
  const word = summary.ownShare < 0.05 ? "negligible" : summary.ownShare < 0.2 ? "modest" : "significant";
  const biggest = OWN_PHASES.reduce(
    (best, phase) => (summary.phases[phase] > summary.phases[best] ? phase : best),
    OWN_PHASES[0],
  );
  return `layerlint's own serial phases (list+cycles+locate) take ${ms(summary.own)} ms = ${percent}% of cruise (${ms(summary.phases.cruise)} ms): ${word}; the largest is ${biggest} (${ms(summary.phases[biggest])} ms)`;
}

function markdownTable(summaries, options) {
  const rss = hasTime;
  const head = [
    "cores",
    "modules",
    "deps",
    "layer violations (layerlint / raw)",
    "cycles",
    "layerlint ms",
    "raw depcruise ms",
    "ratio",
    "raw without cycle rule ms",
    "ratio",
    "warm ms (ratio to raw; without cycle rule)",
    "1 file edited ms (ratios)",
    "1 file added ms (ratios)",
    ...(rss ? ["layerlint RSS MB", "raw RSS MB", "raw without cycle rule RSS MB"] : []),
    ...PHASES.map((phase) => `${phase} ms`),
    "outside phases ms",
    "own / cruise",
  ];
  const rows = summaries.map((summary) => [
    summary.cores,
    summary.size.toLocaleString("en-US"),
    summary.dependencies.toLocaleString("en-US"),
    `${summary.layerViolations} / ${summary.rawLayerViolations}${summary.match ? "" : " **MISMATCH**"}`,
    summary.cycles.toLocaleString("en-US"),
    ms(summary.layerlintMs),
    ms(summary.rawMs),
    `${summary.ratio.toFixed(2)}×`,
    ms(summary.rawNoCyclesMs),
    `${summary.noCyclesRatio.toFixed(2)}×`,
    `${ms(summary.warmMs)} (${summary.warmRatio.toFixed(3)}×; ${summary.warmNoCyclesRatio.toFixed(2)}×)`,
    `${ms(summary.editedMs)} (${summary.editedRatio.toFixed(3)}×; ${summary.editedNoCyclesRatio.toFixed(2)}×)`,
    `${ms(summary.addedMs)} (${summary.addedRatio.toFixed(3)}×; ${summary.addedNoCyclesRatio.toFixed(2)}×)`,
    ...(rss ? [mb(summary.layerlintRssKb), mb(summary.rawRssKb), mb(summary.rawNoCyclesRssKb)] : []),
    ...PHASES.map((phase) => ms(summary.phases[phase])),
    ms(summary.outsidePhases),
    `${(summary.ownShare * 100).toFixed(1)}%`,
  ]);
  const line = (cells) => `| ${cells.join(" | ")} |`;
  const numeric = head.map((_, index) => index > 1);
  return [
    line(head),
    line(numeric.map((right) => (right ? "---:" : "---"))),
    ...rows.map(line),
    "",
    `Medians of ${options.runs} alternating runs (${options.warmup} warm-up) on ${cpus().length} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}, ${options.map}-layer map; ` +
      `wall time of each child process${rss ? ", peak RSS from /usr/bin/time -v" : ""}. Raw: dependency-cruiser with the configuration \`layerlint compile\` ejects (cycle rule included, as layerlint's default \`cycles: warn\`); raw without cycle rule: the same minus that rule. Warm: the cache filled, nothing changed; 1 file edited: a comment appended to one file before each run; 1 file added: a new file before each run (cruised alone through the cache); the ratios against the same raw medians, with and without its cycle rule. Phases are layerlint's \`--timings\` of the cold (\`--no-cache\`) runs; "own / cruise" is (list + cycles + locate) / cruise; parse-check reads the files while the cruise runs, answers from the cruise's own parse of each file, and what is left of it after the cruise overlaps cycles and locate.${options.cores.length > 1 ? " Cores: every child process pinned to that many cores with taskset." : ""}`,
  ].join("\n");
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  for (const [file, hint] of [
    [LAYERLINT_BIN, "run `npm run build` first"],
    [DEPCRUISE_BIN, "run `npm ci` first"],
  ]) {
    if (!existsSync(file)) {
      console.error(`run-bench: ${file} is missing: ${hint}`);
      process.exit(2);
    }
  }
  log(
    `# layerlint benchmark: ${options.modules.join(", ")} modules, ${options.runs} runs (+${options.warmup} warm-up), ${options.map}-layer map`,
  );
  log(
    `machine: ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? "unknown"}), Node ${process.version}, ${process.platform}/${process.arch}`,
  );
  if (!hasTime) log(`note: ${TIME_BIN} is not available, so peak memory (RSS) is not measured`);

  const summaries = [];
  for (const cores of options.cores) {
    pinnedTo = cores === "all" ? null : cores === 1 ? "0" : `0-${cores - 1}`;
    const label = cores === "all" ? `all (${cpus().length})` : String(cores);
    if (options.cores.length > 1) log(`\n# ${label} core${cores === 1 ? "" : "s"}`);
    for (const size of options.modules) summaries.push({ ...benchSize(size, options), cores: label });
  }

  log("\n## Results (Markdown)\n");
  log(markdownTable(summaries, options));
  if (summaries.some((summary) => !summary.match)) {
    log("\n!!!!!!!! MISMATCH: layerlint and raw dependency-cruiser disagree on the violations (see above) !!!!!!!!");
    process.exitCode = 1;
  }
}

main();
