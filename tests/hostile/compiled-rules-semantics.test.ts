import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkProject, defaultPorts, loadLayerMap, type CheckPorts } from "../../src/index.js";
import { createLayerClassifier } from "../../src/domain/classify/layer-classifier.js";

/**
 * Property: whatever the map, the compiled rules (one boundary rule shared by the layers that refuse the
 * same layers, one set of package rules per distinct allow-list, first-match look-aheads where globs
 * overlap) report exactly the layer and package violations the map's words define, judged here from the
 * first-match layer of each file.
 */

/** Each file's imports: local ones relative, packages by name (none installed). */
const TREE: Record<string, readonly string[]> = {
  "src/a/one.ts": ["../b/two.js", "../c/three.js", "pkg-x", "node:fs"],
  "src/a/inner/four.ts": ["../one.js", "../../c/three.js", "pkg-y"],
  "src/b/two.ts": ["../a/inner/four.js", "pkg-x", "node:path"],
  "src/c/three.ts": ["../b/two.js", "node:path"],
  "src/c/deep/five.ts": ["../../a/one.js", "../three.js", "pkg-y", "node:fs"],
};
const GLOBS = ["src/a/**", "src/a/inner/**", "src/b/**", "src/c/**", "src/c/deep/**", "src/**/one.ts", "src/*/deep/**"];
const PACKAGE_LISTS = [null, [], ["pkg-x"], ["pkg-x", "node:fs"], ["node:*", "pkg-y"]];

const ports: CheckPorts = defaultPorts({ syntax: { check: () => Promise.resolve([]) } });
let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "layerlint-semantics-"));
  for (const [file, imports] of Object.entries(TREE)) {
    mkdirSync(join(root, dirname(file)), { recursive: true });
    writeFileSync(
      join(root, file),
      `${imports.map((specifier, index) => `import * as i${index} from "${specifier}";`).join("\n")}\nexport const all = [${imports.map((_, index) => `i${index}`).join(", ")}];\n`,
    );
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const maps = fc.integer({ min: 2, max: 5 }).chain((count) => {
  const names = Array.from({ length: count }, (_, index) => `l${index}`);
  return fc
    .tuple(
      ...names.map((name) =>
        fc.record({
          paths: fc.subarray(GLOBS, { minLength: 1, maxLength: 2 }),
          mayImport: fc.subarray(names.filter((other) => other !== name)),
          packages: fc.constantFrom(...PACKAGE_LISTS),
        }),
      ),
    )
    .map((layers) =>
      Object.fromEntries(
        layers.map((layer, index) => [
          names[index] as string,
          layer.packages === null ? { paths: layer.paths, mayImport: layer.mayImport } : layer,
        ]),
      ),
    );
});

function packageNameOf(specifier: string): string {
  return specifier.startsWith("node:") ? specifier : (specifier.split("/")[0] as string);
}

function allows(list: readonly string[], name: string): boolean {
  return list.some((pattern) => pattern === name || (pattern === "node:*" && name.startsWith("node:")));
}

describe("the compiled rules", () => {
  it("report exactly the layer and package violations the map defines, shared rules or not", async () => {
    await fc.assert(
      fc.asyncProperty(maps, async (layers) => {
        const mapFile = join(root, "layers.yaml");
        writeFileSync(mapFile, stringify({ version: 1, options: { unassigned: "off", cycles: "off" }, layers }));
        const loaded = await loadLayerMap(ports, mapFile, root);
        const classifier = createLayerClassifier(loaded.map.layers);
        const expected: string[] = [];
        for (const [file, imports] of Object.entries(TREE)) {
          const fromLayer = classifier.layerOf(file);
          if (fromLayer === null) continue;
          const layer = loaded.map.layers.find((candidate) => candidate.name === fromLayer);
          for (const specifier of imports) {
            if (specifier.startsWith(".")) {
              const target = join(dirname(file), specifier).replace(/\.js$/, ".ts");
              const toLayer = classifier.layerOf(target);
              if (toLayer !== null && toLayer !== fromLayer && !layer?.mayImport.includes(toLayer))
                expected.push(`${fromLayer}-may-not-import-${toLayer} ${file} ${target}`);
            } else if (layer?.packages != null && !allows(layer.packages, packageNameOf(specifier))) {
              const check = specifier.startsWith("node:") ? "unlisted-builtins" : "uninstalled-packages";
              expected.push(`${fromLayer}-may-not-use-${check} ${file} ${packageNameOf(specifier)}`);
            }
          }
        }
        const { report } = await checkProject(ports, { loaded });
        const found = report.violations
          .filter((violation) => violation.kind === "layer" || violation.kind === "package")
          .map((violation) => `${violation.rule} ${violation.from} ${violation.to}`);
        expect(found.sort()).toEqual([...new Set(expected)].sort());
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
