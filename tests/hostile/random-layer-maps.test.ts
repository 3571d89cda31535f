import { mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cruise, type ICruiseOptions, type ICruiseResult } from "dependency-cruiser";
import fc from "fast-check";
import { stringify } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { nodeFileSystem } from "../../src/adapters/file-system/node-file-system.js";
import { presetLocator } from "../../src/adapters/presets/preset-locator.js";
import { yamlReader } from "../../src/adapters/yaml/yaml-reader.js";
import { loadLayerMap } from "../../src/application/load-layer-map.js";
import type { FileSystem } from "../../src/application/ports.js";
import { createLayerClassifier } from "../../src/domain/classify/layer-classifier.js";
import { compileCruiseOptions, compileRules } from "../../src/domain/compile/compile-rules.js";
import type { ForbiddenRule } from "../../src/domain/compile/rule-set.js";
import { ConfigurationError, LayerlintError } from "../../src/domain/errors.js";
import type { LayerMap } from "../../src/domain/map/layer-map.js";

/**
 * Property: the loader, given any text as layers.yaml, returns a valid map or throws a LayerlintError,
 * never anything else; and every map it accepts compiles to rules dependency-cruiser's own validation
 * accepts (one cruise() with every accepted map's rules, since it refuses the whole run for one bad regex).
 */

const ROOT = "/layerlint-property-test-root";
const MAP_FILE = `${ROOT}/layers.yaml`;

/** layers.yaml and a src/ folder exist in memory; presets and anything else come from the real disk. */
function fileSystemWith(text: string): FileSystem {
  const inside = (path: string) => path === ROOT || path.startsWith(`${ROOT}/`);
  return {
    ...nodeFileSystem,
    readText: (path, kind) => (path === MAP_FILE ? Promise.resolve(text) : nodeFileSystem.readText(path, kind)),
    fileSize: (path) => (path === MAP_FILE ? Promise.resolve(Buffer.byteLength(text)) : nodeFileSystem.fileSize(path)),
    exists: (path) => (inside(path) ? Promise.resolve(true) : nodeFileSystem.exists(path)),
    isDirectory: (path) => (inside(path) ? Promise.resolve(path !== MAP_FILE) : nodeFileSystem.isDirectory(path)),
  };
}

type Outcome = { readonly ok: true; readonly map: LayerMap } | { readonly ok: false; readonly error: unknown };

async function load(text: string): Promise<Outcome> {
  const ports = { fileSystem: fileSystemWith(text), yaml: yamlReader, presets: presetLocator };
  return loadLayerMap(ports, MAP_FILE, ROOT).then(
    (loaded) => ({ ok: true, map: loaded.map }),
    (error: unknown) => ({ ok: false, error }),
  );
}

function expectTypedError(error: unknown): void {
  expect(error).toBeInstanceOf(LayerlintError);
  if (error instanceof ConfigurationError) {
    expect(error.issues.length).toBeGreaterThan(0);
    for (const issue of error.issues) {
      expect(issue.message).not.toBe("");
      expect(issue.line === null || issue.line >= 1).toBe(true);
      expect(issue.column === null || issue.column >= 1).toBe(true);
    }
  }
}

const accepted: LayerMap[] = [];

async function property(text: string): Promise<void> {
  const outcome = await load(text);
  if (outcome.ok) accepted.push(outcome.map);
  else expectTypedError(outcome.error);
}

const GLOB_CHARACTERS = [
  "a",
  "b",
  "src",
  "/",
  "/",
  "*",
  "**",
  "?",
  "{",
  "}",
  ",",
  ".",
  "..",
  "-",
  "(",
  ")",
  "[",
  "]",
  "+",
  "$",
  "^",
  "|",
  "\\",
  "!",
  " ",
  "é",
  ":",
  "#",
];
const glob = fc.string({ unit: fc.constantFrom(...GLOB_CHARACTERS), minLength: 1, maxLength: 8 });
const layerName = fc.oneof(
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,6}$/),
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "2fa", "a b", ""),
);
const anyValue = fc.jsonValue({ maxDepth: 2 });
const optional = <T>(value: fc.Arbitrary<T>) =>
  fc.option(fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: anyValue }), { nil: undefined });

const layer = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      paths: optional(fc.array(glob, { maxLength: 3 })),
      mayImport: optional(fc.array(layerName, { maxLength: 3 })),
      packages: optional(
        fc.array(fc.oneof(glob, fc.constantFrom("node:fs", "node:*", "@aws-sdk/*", "lodash")), { maxLength: 3 }),
      ),
      description: optional(fc.string()),
    }),
  },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: anyValue },
);

/** An object with own keys in order, `__proto__` included as a plain own key (as the YAML reader builds it). */
function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries)
    if (value !== undefined)
      Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

const structuredMap = fc
  .record({
    version: fc.oneof({ weight: 8, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: anyValue }),
    name: optional(fc.string()),
    extends: optional(
      fc.oneof(
        fc.constantFrom("layered", "clean", "hexagonal", "backend-standard", "./missing.yaml", "unknown-preset"),
        fc.array(fc.constantFrom("layered", "clean", "hexagonal"), { maxLength: 2 }),
      ),
    ),
    include: optional(fc.array(glob, { maxLength: 2 })),
    exclude: optional(fc.array(glob, { maxLength: 2 })),
    options: optional(
      fc.record({
        typeOnlyImports: optional(fc.constantFrom("check", "allow")),
        unassigned: optional(fc.constantFrom("error", "warn", "off")),
      }),
    ),
    layers: optional(
      fc.uniqueArray(fc.tuple(layerName, layer), { maxLength: 6, selector: ([name]) => name }).map(objectOf),
    ),
  })
  .map((map) => stringify(objectOf(Object.entries(map))));

/** Maps that are mostly valid, with regex metacharacters, braces and `**` in their globs, so many reach the compiler. */
const segment = fc.constantFrom(
  "src",
  "a",
  "b",
  "*",
  "**",
  "?",
  "{a,b}",
  "{x,**}",
  "(x|y)+",
  "[z]",
  "$^",
  "é",
  "c.ts",
  ".hidden",
);
const plausibleGlob = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join("/"));
const plausibleMap = fc
  .uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,6}$/), { minLength: 1, maxLength: 5 })
  .chain((names) =>
    fc.tuple(
      fc.constant(names),
      fc.array(
        fc.record({
          paths: fc.array(plausibleGlob, { minLength: 1, maxLength: 3 }),
          mayImport: fc.subarray(names),
          packages: fc.option(
            fc.array(fc.constantFrom("node:*", "node:fs", "@aws-sdk/*", "lodash", "a{b,c}", "x?"), { maxLength: 3 }),
            { nil: undefined },
          ),
        }),
        { minLength: names.length, maxLength: names.length },
      ),
      fc.array(plausibleGlob, { maxLength: 2 }),
      fc.constantFrom("check", "allow"),
    ),
  )
  .map(([names, layers, exclude, typeOnlyImports]) =>
    stringify({
      version: 1,
      exclude,
      options: { typeOnlyImports },
      layers: objectOf(names.map((name, index) => [name, layers[index]])),
    }),
  );

const YAML_TOKENS = [
  "version: 1\n",
  "layers:\n",
  "  a:\n",
  "  b: ",
  "    paths: [",
  "src/**",
  "src/a/*.ts",
  "]\n",
  "mayImport: [a]",
  "&x ",
  "*x",
  "- ",
  "{",
  "}",
  ": ",
  ", ",
  "\t",
  "\n",
  "\r\n",
  "\uFEFF",
  "__proto__: ",
  "<<: *x\n",
  "!!str ",
  "'",
  '"',
  "#",
  "? ",
  "|\n",
  "---\n",
  "...\n",
  "%YAML 1.2\n",
];
const tokenText = fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 40 }).map((tokens) => tokens.join(""));
const arbitraryText = fc.string({ unit: "binary", maxLength: 300 });

describe("random layer maps", () => {
  it("random text: a valid map or a LayerlintError, never anything else", async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(arbitraryText, tokenText), property), { numRuns: 400 });
  });

  it("random structured maps (wrong types, hostile names and globs, presets): a valid map or a LayerlintError", async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(structuredMap, plausibleMap), property), { numRuns: 800 });
    // The generator reaches valid maps too, or the compile property below would prove nothing.
    expect(accepted.length).toBeGreaterThan(200);
  });

  describe("every accepted map compiles to rules dependency-cruiser accepts", () => {
    const project = realpathSync(mkdtempSync(join(tmpdir(), "layerlint-property-")));
    afterAll(() => rmSync(project, { recursive: true, force: true }));

    it("one cruise() with all their rules, excludes included (they are part of each rule's from.pathNot)", async () => {
      writeFileSync(join(project, "a.ts"), 'import "./b.js";\n');
      writeFileSync(join(project, "b.ts"), "export {};\n");
      const forbidden: ForbiddenRule[] = [];
      // dependency-cruiser checks rules one by one; the first 80 maps' rules (over a thousand) keep this to a second.
      accepted.slice(0, 80).forEach((map, index) => {
        const rules = compileRules(map, createLayerClassifier(map.layers));
        const options = compileCruiseOptions(rules, { baseDir: project, tsconfig: null });
        forbidden.push(...options.ruleSet.forbidden.map((rule) => ({ ...rule, name: `map${index}-${rule.name}` })));
      });
      expect(forbidden.length).toBeGreaterThan(500);
      expect(accepted.slice(0, 80).some((map) => map.exclude.length > 0)).toBe(true);
      const options = { validate: true, ruleSet: { forbidden }, baseDir: project, tsPreCompilationDeps: true };
      const result = await cruise(["a.ts", "b.ts"], options as unknown as ICruiseOptions);
      expect((result.output as ICruiseResult).summary.optionsUsed.baseDir).toBe(project);
    });
  });
});
