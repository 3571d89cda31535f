#!/usr/bin/env node
// How long `layerlint compile` takes on big generated maps: loading the map, then compiling it to rules.
//
//   npm run build && node scripts/bench/compile-time.mjs [--runs 3] [--sizes 50x100,40x330,200x25]
//
// Each map gives layer N the globs src/lN/fK/** and lets it import layer N-1, so no two layers refuse the
// same layers and none share a rule: the biggest compiled output per glob. Prints one line per size with
// the map's size, the median milliseconds of loading and of compiling, and the compiled configuration's size.
// The overlap checks between layers used to try every pair of globs (50 x 100: 49 s); they are indexed now.
// A map whose rules dependency-cruiser could not check in a few seconds (over 512 KiB of regex) is refused at
// load (LL-CONFIG): such sizes print how long the refusal took instead (200 x 100 compiled to 110 MB before).

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { nodeFileSystem } from "../../dist/adapters/file-system/node-file-system.js";
import { presetLocator } from "../../dist/adapters/presets/preset-locator.js";
import { yamlReader } from "../../dist/adapters/yaml/yaml-reader.js";
import { compileConfig } from "../../dist/application/compile-config.js";
import { loadLayerMap } from "../../dist/application/load-layer-map.js";

const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : process.argv[index + 1];
};
const runs = Number(argument("--runs", "3"));
const sizes = argument("--sizes", "20x100,50x100,40x330,200x100")
  .split(",")
  .map((size) => size.split("x").map(Number));

function mapText(layers, globs) {
  const lines = ["version: 1", "layers:"];
  for (let layer = 0; layer < layers; layer++) {
    lines.push(`  l${layer}:`, `    mayImport: [${layer > 0 ? `l${layer - 1}` : ""}]`, "    paths:");
    for (let glob = 0; glob < globs; glob++) lines.push(`      - src/l${layer}/f${glob}/**`);
  }
  return `${lines.join("\n")}\n`;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ports = { fileSystem: nodeFileSystem, yaml: yamlReader, presets: presetLocator };
const dir = mkdtempSync(join(tmpdir(), "layerlint-compile-bench-"));
try {
  for (const [layers, globs] of sizes) {
    const text = mapText(layers, globs);
    const mapFile = join(dir, "layers.yaml");
    writeFileSync(mapFile, text);
    const loads = [];
    const compiles = [];
    let output = "";
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const loaded = await loadLayerMap(ports, mapFile, dir).catch((error) => {
        if (error.code !== "LL-CONFIG") throw error;
        const ms = Math.round(performance.now() - started);
        return `refused at load in ${ms} ms: ${error.issues[0].message.split(":")[0]}`;
      });
      if (typeof loaded === "string") {
        output = loaded;
        break;
      }
      const loadedAt = performance.now();
      output = compileConfig(loaded, "json");
      compiles.push(performance.now() - loadedAt);
      loads.push(loadedAt - started);
    }
    const kb = (bytes) => `${Math.round(bytes / 1024)} KB`;
    if (output.startsWith("refused")) {
      process.stdout.write(
        `compile ${layers} layers x ${globs} globs (map ${kb(Buffer.byteLength(text))}): ${output}\n`,
      );
      continue;
    }
    process.stdout.write(
      `compile ${layers} layers x ${globs} globs (map ${kb(Buffer.byteLength(text))}): load ${Math.round(median(loads))} ms, compile ${Math.round(median(compiles))} ms, output ${kb(Buffer.byteLength(output))}\n`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
