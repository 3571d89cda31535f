#!/usr/bin/env node
// `check --workspaces` on a generated monorepo: one package at a time against several at once, and raw
// dependency-cruiser (the configuration `layerlint compile` ejects, without its cycle rule) run on each package
// in turn, all cold (--no-cache), alternating, in one session.
//
//   npm run build && npm run bench:workspaces -- [--packages 4] [--modules 1500] [--runs 3]
//
// Each package is a tree of generate-project.mjs with a seed of its own, its own layers.yaml and tsconfig; the
// packages do not import each other. Both layerlint runs must print the same report byte for byte, else a loud
// MISMATCH.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { generateProject } from "./generate-project.mjs";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const LAYERLINT_BIN = join(REPO, "dist", "cli", "bin.js");
const DEPCRUISE_BIN = join(REPO, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");

const options = { packages: 4, modules: 1500, runs: 3 };
for (let i = 2; i < process.argv.length; i += 2) {
  const name = process.argv[i]?.replace(/^--/, "");
  if (!(name in options)) throw new Error(`unknown argument ${process.argv[i]}`);
  options[name] = Number(process.argv[i + 1]);
}
const cores = availableParallelism();

/** Wall milliseconds of one child process; its stdout. */
function timed(args, cwd) {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { cwd, encoding: "utf8", maxBuffer: 1024 ** 3 });
  const ms = performance.now() - started;
  if (child.status !== 0 && child.status !== 1)
    throw new Error(`${args.join(" ")} exited ${child.status}:\n${child.stderr}`);
  return { ms, stdout: child.stdout };
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
    writeFileSync(join(dir, "package.json"), `${JSON.stringify({ ...manifest, name: `bench-p${index}` }, null, 2)}\n`);
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
  const layerlint = (concurrency) =>
    timed(
      [LAYERLINT_BIN, "check", "--workspaces", "--no-cache", "--format", "json", "--concurrency", String(concurrency)],
      root,
    );
  const raw = () =>
    packages.reduce(
      (total, { dir, noCycles }) =>
        total + timed([DEPCRUISE_BIN, "--config", noCycles, "--output-type", "json", "src"], dir).ms,
      0,
    );
  const runs = { one: [], all: [], raw: [] };
  for (let run = 0; run <= options.runs; run++) {
    const order = run % 2 === 0 ? ["one", "all", "raw"] : ["raw", "all", "one"];
    const outputs = {};
    for (const name of order) {
      if (name === "raw") runs.raw.push(raw());
      else {
        const result = layerlint(name === "one" ? 1 : cores);
        outputs[name] = result.stdout;
        runs[name].push(result.ms);
      }
    }
    if (outputs.one !== outputs.all) console.log("MISMATCH: the reports of --concurrency 1 and of all cores differ");
    if (run === 0) for (const list of Object.values(runs)) list.pop();
    else
      console.log(
        `run ${run}/${options.runs}: --concurrency 1 ${Math.round(runs.one.at(-1))} ms, --concurrency ${cores} ` +
          `${Math.round(runs.all.at(-1))} ms, raw without its cycle rule, package by package ${Math.round(runs.raw.at(-1))} ms`,
      );
  }
  const [one, all, rawMs] = [median(runs.one), median(runs.all), median(runs.raw)];
  console.log(
    `medians: --concurrency 1 ${Math.round(one)} ms (${(one / rawMs).toFixed(2)}× raw), --concurrency ${cores} ` +
      `${Math.round(all)} ms (${(all / rawMs).toFixed(2)}× raw, ${(one / all).toFixed(2)}× faster than one at a time); ` +
      `raw without its cycle rule ${Math.round(rawMs)} ms`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
