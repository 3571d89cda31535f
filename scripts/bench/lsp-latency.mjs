#!/usr/bin/env node
// The language server's latency: from a change to one open file's imports to its new diagnostics.
//
//   npm run build && node scripts/bench/lsp-latency.mjs [--modules 10000] [--edits 30] [--seed 42] [--keep]
//
// Generates a project (generate-project.mjs) into a temp folder, starts `layerlint lsp` on it over stdio
// with a JSON-RPC client (vscode-jsonrpc), and measures:
//   ready    from spawning the server to its first diagnostics (cold: no cache; then again warm, a second
//            server on the cache the first one wrote);
//   change   from a didChange that adds (or removes again) a forbidden import in one domain file to the
//            publication of that file's diagnostics with the violation present (or gone), median and p95
//            over --edits changes; the debounce (40 ms) is included, as an editor sees it;
//   memory   the server's peak RSS (VmHWM from /proc): the first server's after its cold start and every
//            change, the second's once ready; against raw dependency-cruiser's peak RSS for a cold cruise
//            of the same tree with the configuration `layerlint compile` ejects (cycle rule included, as
//            the map's default `cycles: warn`), run last through peak-rss.mjs.
//   --dir DIR reuses a tree generated before (--keep); --warm-only with --dir measures only the warm start, three
//   times, on the cache an earlier run left there; LSP_BENCH_NODE_ARGS passes flags to the server
//   (`--cpu-prof --cpu-prof-dir=/tmp/prof`).
// LSP_BENCH_LOG=1 prints the server's log: each analysis with its phases' milliseconds.
// A change whose diagnostics do not arrive within 60 s is a loud failure, never a number.

import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, posix, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { generateProject } from "./generate-project.mjs";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const LAYERLINT_BIN = join(REPO, "dist", "cli", "bin.js");
const DEPCRUISE_BIN = join(REPO, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
const PEAK_RSS = join(REPO, "scripts", "bench", "peak-rss.mjs");

/** Raw dependency-cruiser's cold cruise of the tree with the ejected configuration: its peak RSS in MiB. */
function rawDependencyCruiserPeakMiB(dir) {
  const ejected = join(dir, "ejected.depcruise.cjs");
  const compile = spawnSync(process.execPath, [LAYERLINT_BIN, "compile", "--format", "cjs", "-o", ejected], {
    cwd: dir,
    encoding: "utf8",
  });
  if (compile.status !== 0) throw new Error(`layerlint compile exited ${compile.status}:\n${compile.stderr}`);
  const raw = spawnSync(
    process.execPath,
    [PEAK_RSS, DEPCRUISE_BIN, "--config", ejected, "--output-type", "json", "--output-to", "/dev/null", "src"],
    { cwd: dir, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], maxBuffer: 64 * 1024 * 1024 },
  );
  const kib = Number(/peak-rss-kib (\d+)/.exec(raw.stderr ?? "")?.[1] ?? NaN);
  if (!Number.isFinite(kib))
    throw new Error(`raw dependency-cruiser gave no peak RSS (exit ${raw.status}):\n${raw.stderr}`);
  return Math.round(kib / 1024);
}

function parseArguments(argv) {
  const options = { modules: 10000, edits: 30, seed: 42, keep: false, dir: null, warmOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === "--keep") options.keep = true;
    else if (argument === "--warm-only") options.warmOnly = true;
    else if (argument === "--dir") options.dir = argv[++i];
    else if (["--modules", "--edits", "--seed"].includes(argument)) options[argument.slice(2)] = Number(argv[++i]);
    else throw new Error(`unknown argument ${argument}`);
  }
  return options;
}

async function startServer(dir) {
  const started = performance.now();
  const serverArgs = (process.env.LSP_BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...serverArgs, LAYERLINT_BIN, "lsp", "--stdio"], {
    cwd: dir,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const listeners = new Set();
  connection.onNotification("textDocument/publishDiagnostics", (params) => {
    for (const listener of [...listeners]) listener(params);
  });
  connection.onNotification("window/showMessage", (params) => console.error(`server: ${params.message}`));
  connection.onNotification("window/logMessage", (params) => {
    if (process.env.LSP_BENCH_LOG === "1") console.error(`server log: ${params.message}`);
  });
  connection.listen();
  const uri = pathToFileURL(dir).href;
  const firstDiagnostics = new Promise((resolveFirst) => {
    const listener = () => {
      listeners.delete(listener);
      resolveFirst(performance.now() - started);
    };
    listeners.add(listener);
  });
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: "bench" }],
    capabilities: {},
  });
  await connection.sendNotification("initialized", {});
  const ready = await withTimeout(firstDiagnostics, 600_000, "the server's first diagnostics");
  return { child, connection, listeners, ready };
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`MISSING: ${what} did not arrive within ${ms / 1000} s`)), ms);
    }),
  ]);
}

function peakRssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kib / 1024);
}

async function stopServer({ child, connection }) {
  await connection.sendRequest("shutdown").catch(() => undefined);
  await connection.sendNotification("exit").catch(() => undefined);
  await new Promise((resolveExit) => {
    if (child.exitCode !== null) resolveExit();
    child.once("exit", resolveExit);
    setTimeout(() => {
      child.kill();
      resolveExit();
    }, 5000);
  });
  connection.dispose();
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const options = parseArguments(process.argv.slice(2));
console.log(
  `load average at the start: ${loadavg()
    .map((load) => load.toFixed(1))
    .join(" ")}`,
);
const dir = options.dir ?? mkdtempSync(join(tmpdir(), "layerlint-lsp-bench-"));
try {
  if (options.dir === null) generateProject({ modules: options.modules, dir, seed: options.seed });
  const domainFolder = join(dir, "src", "domain", "s0");
  const file = posix.join(
    "src/domain/s0",
    readdirSync(domainFolder)
      .filter((name) => name.endsWith(".ts"))
      .sort()[0],
  );
  const transport = readdirSync(join(dir, "src", "transport", "s0"))
    .filter((name) => name.endsWith(".ts"))
    .sort()[0];
  const forbidden = `import "../../transport/s0/${transport.replace(/\.ts$/, ".js")}";\n`;
  const fileUri = pathToFileURL(join(dir, file)).href;
  const original = readFileSync(join(dir, file), "utf8");

  if (options.warmOnly) {
    if (options.dir === null) throw new Error("--warm-only needs --dir, a tree an earlier run left a cache in");
    for (let run = 1; run <= 3; run++) {
      const warm = await startServer(dir);
      console.log(`ready (warm cache) in ${Math.round(warm.ready)} ms, peak RSS ${peakRssMiB(warm.child.pid)} MiB`);
      await stopServer(warm);
    }
    process.exit(0);
  }
  const server = await startServer(dir);
  console.log(`${options.modules} modules: ready (cold, no cache) in ${Math.round(server.ready)} ms`);
  await server.connection.sendNotification("textDocument/didOpen", {
    textDocument: { uri: fileUri, languageId: "typescript", version: 1, text: original },
  });
  const latencies = [];
  for (let edit = 1; edit <= options.edits; edit++) {
    const adding = edit % 2 === 1;
    const text = adding ? forbidden + original : original;
    const published = new Promise((resolvePublished) => {
      const listener = (params) => {
        if (params.uri !== fileUri) return;
        const atTop = params.diagnostics.some(
          (diagnostic) => diagnostic.range.start.line === 0 && diagnostic.code === "domain-may-not-import-transport",
        );
        if (atTop !== adding) return;
        server.listeners.delete(listener);
        resolvePublished();
      };
      server.listeners.add(listener);
    });
    const sent = performance.now();
    await server.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri: fileUri, version: edit + 1 },
      contentChanges: [{ text }],
    });
    await withTimeout(published, 60_000, `the diagnostics of change ${edit}`);
    latencies.push(performance.now() - sent);
  }
  const peak = peakRssMiB(server.child.pid);
  await stopServer(server);
  const warm = await startServer(dir);
  const warmPeak = peakRssMiB(warm.child.pid);
  await stopServer(warm);
  const rawStarted = performance.now();
  const rawPeak = rawDependencyCruiserPeakMiB(dir);
  const rawSeconds = Math.round((performance.now() - rawStarted) / 1000);

  latencies.sort((a, b) => a - b);
  const ms = (value) => `${Math.round(value)} ms`;
  console.log(`${options.modules} modules: ready (warm cache) in ${ms(warm.ready)}`);
  console.log(
    `change → diagnostics over ${latencies.length} edits: median ${ms(quantile(latencies, 0.5))}, p95 ${ms(quantile(latencies, 0.95))}, max ${ms(latencies[latencies.length - 1])}`,
  );
  console.log(`server peak RSS: ${peak} MiB (cold start and every change), ${warmPeak} MiB (warm start)`);
  console.log(`raw dependency-cruiser, cold cruise (${rawSeconds} s): peak RSS ${rawPeak} MiB`);
  console.log(
    `load average at the end: ${loadavg()
      .map((load) => load.toFixed(1))
      .join(" ")}`,
  );
  console.log(
    `\n| modules | ready, cold | ready, warm cache | change → diagnostics, median | p95 | server peak RSS (cold start; warm) | raw dependency-cruiser peak RSS |\n| --- | --- | --- | --- | --- | --- | --- |\n| ${options.modules} | ${ms(server.ready)} | ${ms(warm.ready)} | ${ms(quantile(latencies, 0.5))} | ${ms(quantile(latencies, 0.95))} | ${peak} MiB; ${warmPeak} MiB | ${rawPeak} MiB |`,
  );
} finally {
  if (options.keep) console.log(`kept ${dir}`);
  else if (options.dir === null) rmSync(dir, { recursive: true, force: true });
}
