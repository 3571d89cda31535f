#!/usr/bin/env node
// Generates a deterministic, layered TypeScript project for benchmarking layerlint.
//
//   node scripts/bench/generate-project.mjs --modules 1000 --out /tmp/bench-1k [--seed 42] [--fifty-layers]
//
// The tree is src/<layer>/s<k>/m<id>.ts (and a few .cjs), 5 layers x 10 sub-folders.
// layers.yaml maps the 5 layers; --fifty-layers also writes layers.50.yaml, one layer per
// sub-folder (same allowed directions, so the same violations) for a rule-count stress test.
// Every import form is used: static import, `import type`, `export ... from`, dynamic import(),
// require() in .cjs files and the tsconfig `paths` alias; ~2 imports a file, ~1% forbidden edges,
// a few package imports (node built-ins and small fake packages written to node_modules/), all allowed.
// Same --modules and --seed, same bytes: the PRNG is seeded (mulberry32), Math.random is never used.

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";

export const LAYERS = ["transport", "application", "domain", "persistence", "contracts"];
export const SUB_FOLDERS = 10;

/** Who may import whom (a layer may always import itself). */
export const MAY_IMPORT = {
  transport: ["application", "contracts"],
  application: ["domain", "contracts"],
  domain: ["contracts"],
  persistence: ["domain", "contracts"],
  contracts: [],
};

/** Packages each layer may use (absent: any). Every generated package import is allowed. */
const PACKAGES = {
  transport: ["node:http", "node:url", "fake-http"],
  application: null,
  domain: [],
  persistence: ["node:*", "fake-db"],
  contracts: ["fake-schema"],
};
const FAKE_PACKAGES = ["fake-http", "fake-db", "fake-schema"];

/** Share of the modules per layer. */
const LAYER_WEIGHTS = { transport: 0.15, application: 0.25, domain: 0.25, persistence: 0.2, contracts: 0.15 };

const ALIAS = "@app";
const IMPORTS_PER_FILE = 2;
const FORBIDDEN_SHARE = 0.01;
const PACKAGE_SHARE = 0.02;
const CJS_SHARE = 0.03;

export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes the project into `dir` (created if needed) and returns what was generated,
 * including how many forbidden (layer) edges were planted.
 */
export function generateProject({ modules, dir, seed = 42, fiftyLayers = false }) {
  if (!Number.isInteger(modules) || modules < LAYERS.length * SUB_FOLDERS)
    throw new Error(`--modules must be an integer >= ${LAYERS.length * SUB_FOLDERS}`);
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];

  // 1. The modules: deterministic counts per layer, round-robin over the sub-folders.
  const all = [];
  const byLayer = Object.fromEntries(LAYERS.map((layer) => [layer, []]));
  let assigned = 0;
  LAYERS.forEach((layer, index) => {
    const count = index === LAYERS.length - 1 ? modules - assigned : Math.round(modules * LAYER_WEIGHTS[layer]);
    assigned += count;
    for (let i = 0; i < count; i++) {
      const id = all.length;
      const sub = `s${i % SUB_FOLDERS}`;
      const cjs = random() < CJS_SHARE;
      const module = { id, layer, sub, cjs, path: `src/${layer}/${sub}/m${id}${cjs ? ".cjs" : ".ts"}`, imports: [] };
      all.push(module);
      byLayer[layer].push(module);
    }
  });

  // 2. The edges: ~2 per file, distinct targets; mostly allowed, ~1% forbidden, a few packages.
  let forbiddenEdges = 0;
  let packageImports = 0;
  const formCounts = {};
  for (const module of all) {
    const allowed = [module.layer, ...MAY_IMPORT[module.layer]];
    const forbidden = LAYERS.filter((layer) => !allowed.includes(layer));
    const seen = new Set();
    for (let n = 0; n < IMPORTS_PER_FILE; n++) {
      const roll = random();
      if (roll < PACKAGE_SHARE) {
        const name = packageFor(module.layer, pick);
        if (name === null || seen.has(name)) continue;
        seen.add(name);
        module.imports.push({ kind: "package", specifier: name, form: module.cjs ? "require" : "package" });
        packageImports++;
        continue;
      }
      const isForbidden = roll < PACKAGE_SHARE + FORBIDDEN_SHARE && forbidden.length > 0;
      const layer = isForbidden ? pick(forbidden) : pick(allowed);
      let target = null;
      for (let attempt = 0; attempt < 5 && target === null; attempt++) {
        const candidate = pick(byLayer[layer]);
        if (candidate !== module && !seen.has(candidate.path)) target = candidate;
      }
      if (target === null) continue;
      seen.add(target.path);
      if (isForbidden) forbiddenEdges++;
      const form = chooseForm(module, target, random);
      formCounts[form] = (formCounts[form] ?? 0) + 1;
      module.imports.push({ kind: "module", target, form, specifier: specifierFor(module, target, form) });
    }
  }

  // 3. The files.
  mkdirSync(dir, { recursive: true });
  const write = (relative, text) => {
    const absolute = join(dir, relative);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
  };
  write(
    "package.json",
    `${JSON.stringify({ name: "layerlint-bench-project", private: true, type: "module" }, null, 2)}\n`,
  );
  write(
    "tsconfig.json",
    `${JSON.stringify(
      {
        compilerOptions: {
          target: "ES2022",
          module: "ESNext",
          moduleResolution: "bundler",
          strict: true,
          allowJs: true,
          noEmit: true,
          baseUrl: ".",
          paths: { [`${ALIAS}/*`]: ["src/*"] },
        },
        include: ["src"],
      },
      null,
      2,
    )}\n`,
  );
  for (const name of FAKE_PACKAGES) {
    write(
      `node_modules/${name}/package.json`,
      `${JSON.stringify({ name, version: "1.0.0", main: "index.js", types: "index.d.ts" }, null, 2)}\n`,
    );
    write(`node_modules/${name}/index.js`, `exports.make = function make(input) { return { input }; };\n`);
    write(`node_modules/${name}/index.d.ts`, `export declare function make<T>(input: T): { input: T };\n`);
  }
  write("layers.yaml", fiveLayerMap());
  if (fiftyLayers) write("layers.50.yaml", fiftyLayerMap());
  for (const module of all) write(module.path, module.cjs ? cjsSource(module) : tsSource(module));

  const edges = all.reduce((total, module) => total + module.imports.length, 0);
  return {
    dir,
    modules: all.length,
    edges,
    forbiddenEdges,
    packageImports,
    formCounts,
    cjsFiles: all.filter((module) => module.cjs).length,
  };
}

function packageFor(layer, pick) {
  const allowed = PACKAGES[layer];
  if (allowed === null) return pick(["node:path", "fake-schema", "fake-http"]);
  const concrete = allowed.map((name) => (name === "node:*" ? "node:crypto" : name));
  return concrete.length === 0 ? null : pick(concrete);
}

function chooseForm(module, target, random) {
  if (module.cjs) return "require";
  const roll = random();
  if (target.cjs) return roll < 0.7 ? "static" : "dynamic"; // a CommonJS module: value imports only
  if (roll < 0.35) return "static";
  if (roll < 0.5) return "type";
  if (roll < 0.6) return "export-named";
  if (roll < 0.65) return "export-star";
  if (roll < 0.75) return "dynamic";
  return "alias";
}

function specifierFor(module, target, form) {
  const withoutExtension = target.path.replace(/\.ts$/, "");
  if (form === "alias") return `${ALIAS}/${withoutExtension.slice("src/".length)}`;
  const relative = posix.relative(posix.dirname(module.path), withoutExtension);
  return relative.startsWith(".") ? relative : `./${relative}`;
}

function tsSource(module) {
  const { id } = module;
  const head = [];
  const body = [];
  module.imports.forEach((edge, index) => {
    const local = `dep${index}`;
    if (edge.kind === "package") {
      if (edge.specifier.startsWith("node:")) {
        head.push(`import * as ${local} from "${edge.specifier}";`);
        body.push(`export const uses${index}_${id} = typeof ${local};`);
      } else {
        head.push(`import { make as ${local} } from "${edge.specifier}";`);
        body.push(`export const made${index}_${id} = ${local}(${id});`);
      }
      return;
    }
    const t = edge.target;
    switch (edge.form) {
      case "static":
        head.push(
          t.cjs
            ? `import ${local} from "${edge.specifier}";`
            : `import { value_${t.id} as ${local} } from "${edge.specifier}";`,
        );
        body.push(`export const from${index}_${id} = ${t.cjs ? `${local}.value_${t.id}` : local} + ${id};`);
        break;
      case "alias":
        head.push(`import { value_${t.id} as ${local}, type Shape_${t.id} } from "${edge.specifier}";`);
        body.push(`export const aliased${index}_${id}: Shape_${t.id} = { id: ${local}, name: "m${t.id}" };`);
        break;
      case "type":
        head.push(`import type { Shape_${t.id} } from "${edge.specifier}";`);
        body.push(`export type Wrapped${index}_${id} = { inner: Shape_${t.id}; at: number };`);
        break;
      case "export-named":
        head.push(`export { value_${t.id}, type Shape_${t.id} } from "${edge.specifier}";`);
        break;
      case "export-star":
        head.push(`export * from "${edge.specifier}";`);
        break;
      case "dynamic":
        body.push(
          `export async function load${index}_${id}(): Promise<unknown> {\n  const loaded = await import("${edge.specifier}");\n  return loaded;\n}`,
        );
        break;
      default:
        throw new Error(`unexpected form ${edge.form}`);
    }
  });
  return `// Generated by scripts/bench/generate-project.mjs: ${module.layer}/${module.sub}, module ${id}.
${head.join("\n")}

export interface Shape_${id} {
  readonly id: number;
  readonly name: string;
}

export const value_${id}: number = ${id};

${body.join("\n\n")}

export class Service_${id} {
  private readonly cache = new Map<string, Shape_${id}>();

  get(name: string): Shape_${id} | undefined {
    return this.cache.get(name);
  }

  put(item: Shape_${id}): void {
    if (item.name.length === 0) throw new Error("a name is required");
    this.cache.set(item.name, item);
  }

  /** Comments mentioning import("./nowhere") or require("nowhere") are not imports. */
  total(): number {
    let sum = 0;
    for (const item of this.cache.values()) sum += item.id;
    return sum + value_${id};
  }
}
`;
}

function cjsSource(module) {
  const { id } = module;
  const lines = module.imports.map(
    (edge, index) => `const dep${index} = require("${edge.kind === "package" ? edge.specifier : edge.specifier}");`,
  );
  return `// Generated by scripts/bench/generate-project.mjs: ${module.layer}/${module.sub}, module ${id} (CommonJS).
"use strict";
${lines.join("\n")}

const value_${id} = ${id};

function describe_${id}() {
  return [${module.imports.map((_, index) => `typeof dep${index}`).join(", ")}].join(",");
}

module.exports = { value_${id}, describe_${id} };
`;
}

function yamlList(items) {
  return `[${items.map((item) => JSON.stringify(item)).join(", ")}]`;
}

function packagesLine(layer) {
  return PACKAGES[layer] === null ? "" : `\n    packages: ${yamlList(PACKAGES[layer])}`;
}

function header(name) {
  return `# Generated by scripts/bench/generate-project.mjs.\nversion: 1\nname: ${name}\ninclude: [src]\noptions:\n  typeOnlyImports: check\n  unassigned: error\nlayers:\n`;
}

function fiveLayerMap() {
  return (
    header("layerlint-bench") +
    LAYERS.map(
      (layer) =>
        `  ${layer}:\n    paths: ["src/${layer}/**"]\n    mayImport: ${yamlList(MAY_IMPORT[layer])}${packagesLine(layer)}\n`,
    ).join("")
  );
}

function fiftyLayerMap() {
  const subs = Array.from({ length: SUB_FOLDERS }, (_, k) => `s${k}`);
  const entries = [];
  for (const layer of LAYERS) {
    for (const sub of subs) {
      const mayImport = [
        ...subs.filter((other) => other !== sub).map((other) => `${layer}-${other}`),
        ...MAY_IMPORT[layer].flatMap((target) => subs.map((other) => `${target}-${other}`)),
      ];
      entries.push(
        `  ${layer}-${sub}:\n    paths: ["src/${layer}/${sub}/**"]\n    mayImport: ${yamlList(mayImport)}${packagesLine(layer)}\n`,
      );
    }
  }
  return header("layerlint-bench-50") + entries.join("");
}

function parseArguments(argv) {
  const options = { modules: 1000, out: null, seed: 42, fiftyLayers: false };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === "--modules") options.modules = Number(argv[++i]);
    else if (argument === "--out") options.out = argv[++i];
    else if (argument === "--seed") options.seed = Number(argv[++i]);
    else if (argument === "--fifty-layers") options.fiftyLayers = true;
    else if (argument === "--help" || argument === "-h") {
      console.log("usage: generate-project.mjs --modules N --out DIR [--seed 42] [--fifty-layers]");
      process.exit(0);
    } else throw new Error(`unknown argument ${argument}`);
  }
  if (options.out === null) throw new Error("--out DIR is required");
  return options;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const options = parseArguments(process.argv.slice(2));
  const result = generateProject({
    modules: options.modules,
    dir: options.out,
    seed: options.seed,
    fiftyLayers: options.fiftyLayers,
  });
  console.log(JSON.stringify(result, null, 2));
}
