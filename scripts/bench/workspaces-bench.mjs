#!/usr/bin/env node
// `check --workspaces` on a generated monorepo whose packages import each other by name, against raw
// dependency-cruiser (the configuration `layerlint compile` ejects, without its cycle rule) run on each package
// in turn, in one session:
// - cold (--no-cache): one package at a time against several at once, alternating with raw;
// - the cache (on by default, each package's in its folder): warm with nothing changed, after a one-line edit of
//   one file, and after one file added.
//
//   npm run build && npm run bench:workspaces -- [--packages 4] [--modules 1500] [--runs 3] [--keep 1]
//
// Each package is a tree of generate-project.mjs with a seed of its own, its own layers.yaml and tsconfig, a
// `src/index.ts` entry, and one module importing every other package by its name (linked in the root's
// node_modules, as a package manager would, for raw dependency-cruiser). Every cached run must print the report
// a cold run prints for the same tree, byte for byte, and both cold runs the same, else a loud MISMATCH.

import { spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { generateProject } from "./generate-project.mjs";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const LAYERLINT_BIN = join(REPO, "dist", "cli", "bin.js");
const DEPCRUISE_BIN = join(REPO, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");

const options = { packages: 4, modules: 1500, runs: 3, keep: 0 };
for (let i = 2; i < process.argv.length; i += 2) {
  const name = process.argv[i]?.replace(/^--/, "");
  if (!(name in options)) throw new Error(`unknown argument ${process.argv[i]}`);
  options[name] = Number(process.argv[i + 1]);
}
const cores = availableParallelism();

/** Wall milliseconds of one child process; its stdout and stderr. */
function timed(args, cwd) {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { cwd, encoding: "utf8", maxBuffer: 1024 ** 3 });
  const ms = performance.now() - started;
  if (child.status !== 0 && child.status !== 1)
    throw new Error(`${args.join(" ")} exited ${child.status}:\n${child.stderr}`);
  return { ms, stdout: child.stdout, stderr: child.stderr };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const root = mkdtempSync(join(tmpdir(), "layerlint-workspaces-bench-"));
try {
  writeFileSync(
    join(root, "package.json"),
    `${JSON.stringify({ name: "bench-monorepo", private: true, workspaces: ["packages/*"] }, null, 2)}\n`,
  );
  const packages = [];
  for (let index = 0; index < options.packages; index++) {
    const dir = join(root, "packages", `p${index}`);
    mkdirSync(dir, { recursive: true });
    generateProject({ modules: options.modules, dir, seed: 42 + index });
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const named = { ...manifest, name: `bench-p${index}`, main: "src/index.ts" };
    writeFileSync(join(dir, "package.json"), `${JSON.stringify(named, null, 2)}\n`);
    writeFileSync(join(dir, "src", "index.ts"), `export const packageName = "bench-p${index}";\n`);
    const others = Array.from({ length: options.packages }, (_, other) => other).filter((other) => other !== index);
    writeFileSync(
      join(dir, "src", "application", "s0", "other-packages.ts"),
      others.map((other) => `export { packageName as p${other} } from "bench-p${other}";\n`).join(""),
    );
    mkdirSync(join(root, "node_modules"), { recursive: true });
    symlinkSync(join("..", "packages", `p${index}`), join(root, "node_modules", `bench-p${index}`));
    const ejected = join(dir, "ejected.cjs");
    timed([LAYERLINT_BIN, "compile", "--format", "cjs", "-o", ejected], dir);
    const config = createRequire(import.meta.url)(ejected);
    const noCycles = join(dir, "ejected.no-cycles.cjs");
    const forbidden = config.forbidden.filter((rule) => rule.name !== "no-import-cycles");
    writeFileSync(noCycles, `module.exports = ${JSON.stringify({ ...config, forbidden })};\n`);
    packages.push({ dir, noCycles });
  }
  console.log(
    `# check --workspaces: ${options.packages} packages of ${options.modules} modules, ${options.runs} runs (+1 warm-up); ` +
      `${cores} cores (${cpus()[0]?.model.trim() ?? "?"}), Node ${process.version}`,
  );
  const check = (...extra) => timed([LAYERLINT_BIN, "check", "--workspaces", "--format", "json", ...extra], root);
  const cold = (concurrency) => check("--no-cache", "--concurrency", String(concurrency));
  const raw = () =>
    packages.reduce(
      (total, { dir, noCycles }) =>
        total + timed([DEPCRUISE_BIN, "--config", noCycles, "--output-type", "json", "src"], dir).ms,
      0,
    );
  const mismatches = [];
  /** A cached run: timed, and its report compared with a cold run's of the same tree (not timed). */
  const cached = (what) => {
    const result = check("--timings");
    if (result.stdout !== cold(cores).stdout) mismatches.push(`the ${what} run's report differs from a cold run's`);
    const lines = result.stderr.split("\n").filter((line) => line.includes(": cache: "));
    return { ...result, lines };
  };
  const edited = join(packages[0].dir, "src", "domain", "s0", "other-packages-edit.ts");
  writeFileSync(edited, "export const edited = 0;\n");
  check(); // fills each package's cache
  const runs = { one: [], all: [], raw: [], warm: [], edited: [], added: [] };
  for (let run = 0; run <= options.runs; run++) {
    const order = run % 2 === 0 ? ["one", "all", "raw"] : ["raw", "all", "one"];
    const outputs = {};
    for (const name of order) {
      if (name === "raw") runs.raw.push(raw());
      else {
        const result = cold(name === "one" ? 1 : cores);
        outputs[name] = result.stdout;
        runs[name].push(result.ms);
      }
    }
    if (outputs.one !== outputs.all) mismatches.push("the reports of --concurrency 1 and of all cores differ");
    const warm = cached("warm");
    if (warm.lines.length !== packages.length || !warm.lines.every((line) => line.includes("(nothing changed)")))
      mismatches.push(`a warm run did not answer every package from its cache: ${warm.lines.join(" | ")}`);
    runs.warm.push(warm.ms);
    appendFileSync(edited, `// bench edit ${run}\n`);
    const afterEdit = cached("one-file-edited");
    if (afterEdit.lines.filter((line) => line.includes("re-cruised")).length !== 1)
      mismatches.push(`a one-file-edited run re-cruised in more than one package: ${afterEdit.lines.join(" | ")}`);
    runs.edited.push(afterEdit.ms);
    writeFileSync(join(packages[1 % packages.length].dir, "src", "domain", "s0", `added-${run}.ts`), "export {};\n");
    runs.added.push(cached("one-file-added").ms);
    for (const mismatch of mismatches.splice(0)) console.log(`MISMATCH: ${mismatch}`);
    if (run === 0) for (const list of Object.values(runs)) list.pop();
    else
      console.log(
        `run ${run}/${options.runs}: cold --concurrency 1 ${Math.round(runs.one.at(-1))} ms, --concurrency ${cores} ` +
          `${Math.round(runs.all.at(-1))} ms; raw without its cycle rule, package by package ` +
          `${Math.round(runs.raw.at(-1))} ms; cached: warm ${Math.round(runs.warm.at(-1))} ms, one file edited ` +
          `${Math.round(runs.edited.at(-1))} ms, one file added ${Math.round(runs.added.at(-1))} ms`,
      );
  }
  const medians = Object.fromEntries(Object.entries(runs).map(([name, list]) => [name, median(list)]));
  const versus = (name) => `${Math.round(medians[name])} ms (${(medians[name] / medians.raw).toFixed(2)}× raw)`;
  console.log(
    `medians: cold --concurrency 1 ${versus("one")}, --concurrency ${cores} ${versus("all")} ` +
      `(${(medians.one / medians.all).toFixed(2)}× faster than one at a time); warm ${versus("warm")}, ` +
      `one file edited ${versus("edited")}, one file added ${versus("added")}; ` +
      `raw without its cycle rule ${Math.round(medians.raw)} ms`,
  );
} finally {
  if (options.keep) console.log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
