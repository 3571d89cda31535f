import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nodeFileSystem } from "../../src/adapters/file-system/node-file-system.js";
import { presetLocator } from "../../src/adapters/presets/preset-locator.js";
import { yamlReader } from "../../src/adapters/yaml/yaml-reader.js";
import { loadLayerMap, type LoadedLayerMap } from "../../src/application/load-layer-map.js";
import { ConfigurationError, formatIssue } from "../../src/domain/errors.js";
import { createProject, removeProject, TWO_LAYERS_SOURCES, type ProjectFiles } from "./temporary-project.js";

/** Hostile layer maps, loaded in-process with the real adapters on real files: every one is a ConfigurationError listing exact lines. */

const ports = { fileSystem: nodeFileSystem, yaml: yamlReader, presets: presetLocator };
const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));

async function load(map: string | Uint8Array, extra: ProjectFiles = {}): Promise<LoadedLayerMap> {
  const root = createProject({ ...TWO_LAYERS_SOURCES, ...extra, "layers.yaml": map });
  projects.push(root);
  return loadLayerMap(ports, join(root, "layers.yaml"), root);
}

/** The problems as the CLI prints them, one line each. */
async function problems(map: string | Uint8Array, extra: ProjectFiles = {}): Promise<string[]> {
  const error = await load(map, extra).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ConfigurationError);
  return (error as ConfigurationError).issues.map(formatIssue);
}

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "utf8") : Buffer.from(part))));

describe("layer maps that are not YAML, or not a map", () => {
  it("invalid YAML: the unclosed flow sequence, with its position", async () => {
    expect(await problems("version: 1\nlayers:\n  a: {paths: [src/a/**\n")).toEqual([
      "layers.yaml:4:1: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
      "layers.yaml:4:1: YAML: Flow map in block collection must be sufficiently indented and end with a }",
    ]);
  });

  it("an empty file, a scalar, a list", async () => {
    expect(await problems("")).toEqual([
      "layers.yaml: the file is empty: a layer map needs at least `version: 1` and `layers:`",
    ]);
    expect(await problems("# only a comment\n")).toEqual([
      "layers.yaml: the file is empty: a layer map needs at least `version: 1` and `layers:`",
    ]);
    expect(await problems("hello\n")).toEqual([
      "layers.yaml:1:1: expected a mapping (`key: value` lines indented under it), got a string",
    ]);
    expect(await problems("- a\n- b\n")).toEqual([
      "layers.yaml:1:1: expected a mapping (`key: value` lines indented under it), got a list",
    ]);
  });

  it("the wrong type at every key: each is listed, located at its value", async () => {
    const map = [
      'version: "1"',
      "name: 3",
      "extends: 5",
      "include: src",
      "exclude: {a: 1}",
      "options: {typeOnlyImports: yes, unassigned: 7}",
      "layers:",
      "  a: {paths: 5, mayImport: b, packages: [1], description: []}",
      "  b: 7",
      "",
    ].join("\n");
    expect(await problems(map)).toEqual([
      "layers.yaml:1:10 (version): version must be 1 (the only layer map version)",
      "layers.yaml:2:7 (name): expected a string, got a number",
      "layers.yaml:3:10 (extends): extends must be a preset name or a list of preset names",
      'layers.yaml:4:10 (include): expected a list (`[src, lib]`, or one "- item" per line), got a string',
      'layers.yaml:5:10 (exclude): expected a list (`[src, lib]`, or one "- item" per line), got an object',
      'layers.yaml:6:28 (options.typeOnlyImports): Invalid option: expected one of "check"|"allow"',
      'layers.yaml:6:45 (options.unassigned): Invalid option: expected one of "error"|"warn"|"off"',
      'layers.yaml:8:14 (layers.a.paths): expected a list (`[src, lib]`, or one "- item" per line), got a number',
      'layers.yaml:8:28 (layers.a.mayImport): expected a list (`[src, lib]`, or one "- item" per line), got a string',
      "layers.yaml:8:42 (layers.a.packages[0]): expected a string, got a number",
      "layers.yaml:8:59 (layers.a.description): expected a string, got a list",
      "layers.yaml:9:6 (layers.b): expected a mapping (`key: value` lines indented under it), got a number",
    ]);
  });

  it("duplicate keys: named, at the second one", async () => {
    expect(await problems("version: 1\nlayers:\n  a: {paths: [src/a/**]}\n  a: {paths: [src/b/**]}\n")).toEqual([
      'layers.yaml:4:3 (layers.a): "a" is defined twice in the same mapping: a layer or key may appear only once',
    ]);
  });

  it("a problem inside a layer defined twice is placed in the definition that is read, the last one", async () => {
    expect(
      await problems('version: 1\nlayers:\n  a:\n    paths: [src/a/**]\n  a:\n    paths: [src/b/**, "src/{{b"]\n'),
    ).toEqual([
      'layers.yaml:5:3 (layers.a): "a" is defined twice in the same mapping: a layer or key may appear only once',
      "layers.yaml:6:23 (layers.a.paths[1]): invalid glob \"src/{{b\": '{' without a matching '}'",
    ]);
  });

  it("a wrong or missing version is read as 1 for the rest of the file, whose problems are listed with it", async () => {
    const rest = "layers:\n  a:\n    paths: [src/a/**]\n    mayImport: [nope]\n";
    expect(await problems(`version: 2\n${rest}`)).toEqual([
      "layers.yaml:1:10 (version): version must be 1 (the only layer map version)",
      'layers.yaml:5:17 (layers.a.mayImport[0]): unknown layer "nope" in mayImport of "a" (layers: a)',
    ]);
    expect(await problems(rest)).toEqual([
      "layers.yaml:1:1 (version): version must be 1 (the only layer map version)",
      'layers.yaml:4:17 (layers.a.mayImport[0]): unknown layer "nope" in mayImport of "a" (layers: a)',
    ]);
  });

  it("tabs as indentation: each line, with what to do", async () => {
    expect(await problems("version: 1\nlayers:\n\ta:\n\t\tpaths: [src/a/**]\n")).toEqual([
      "layers.yaml:3:1: YAML: tabs are not allowed as indentation in YAML: indent with spaces",
      "layers.yaml:4:1: YAML: tabs are not allowed as indentation in YAML: indent with spaces",
    ]);
  });

  it("a BOM and CRLF line endings are read as the same map", async () => {
    const loaded = await load(
      bytes(
        [0xef, 0xbb, 0xbf],
        "version: 1\r\nlayers:\r\n  a: {paths: [src/a/**]}\r\n  b: {paths: [src/b/**], mayImport: [a]}\r\n",
      ),
    );
    expect(loaded.map.layers.map((layer) => [layer.name, layer.paths, layer.mayImport])).toEqual([
      ["a", ["src/a/**"], []],
      ["b", ["src/b/**"], ["a"]],
    ]);
  });

  it("bytes that are not UTF-8 (Latin-1 é): refused at the first one, never read as U+FFFD", async () => {
    expect(await problems(bytes("version: 1\nname: caf", [0xe9], "\nlayers:\n  a: {paths: [src/a/**]}\n"))).toEqual([
      "layers.yaml:2:10: the file is not valid UTF-8 (or holds U+FFFD): save it as UTF-8",
    ]);
  });

  it("nesting too deep for a parser: a sentence, not 'Maximum call stack size exceeded'", async () => {
    const lines = await problems(`version: 1\nname: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`);
    expect(lines[0]).toMatch(
      /^layers\.yaml:2:\d+: YAML: the YAML is nested too deeply to read: a layer map needs only a few levels$/,
    );
  });
});

describe("maps built to exhaust memory or time", () => {
  it("an alias inside its own anchor (an endless value): refused, never walked forever", async () => {
    const message =
      "layers.yaml:1:1: YAML: an alias refers to a node that contains it, which makes an endless value: remove the alias (*name) inside its own anchor (&name)";
    expect(await problems("&x\nversion: 1\nself: *x\n")).toEqual([message]);
    expect(await problems("version: 1\nlayers: &l\n  a: {paths: [src/**], nested: *l}\n")).toEqual([message]);
  });

  it("an alias bomb (billion laughs) is refused by the alias cap before it expands", async () => {
    const levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (const [index, name] of [..."bcdefghi"].entries())
      levels.push(`${name}: &${name} [${Array(9).fill(`*${"abcdefghi"[index]}`).join(", ")}]`);
    expect(await problems(`${levels.join("\n")}\nversion: 1\nlayers:\n  x: {paths: [src/**]}\n`)).toEqual([
      "layers.yaml:1:1: YAML: Excessive alias count indicates a resource exhaustion attack: its aliases expand to more than 1000 nodes; write the lists out instead",
    ]);
  });

  it("a device as the map is refused before it is read (reading would never end; a named pipe: named-pipe-layer-map.test.ts)", async () => {
    const root = createProject({ "src/a.ts": "" });
    projects.push(root);
    const error = await loadLayerMap(ports, "/dev/zero", root).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).issues.map(formatIssue)).toEqual([
      "/dev/zero: not a regular file (a device): layerlint reads only regular files, so a layer map must be one",
    ]);
  });

  it("a map that links to /dev/zero from a repository says why it is refused: the reason quotes nothing of the file", async () => {
    const root = createProject({ ".git/HEAD": "ref: refs/heads/main\n", "src/a.ts": "" });
    projects.push(root);
    symlinkSync("/dev/zero", join(root, "zero.yaml"));
    const error = await loadLayerMap(ports, join(root, "zero.yaml"), root).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).issues.map(formatIssue)).toEqual([
      "zero.yaml: not a regular file (a device): layerlint reads only regular files, so a layer map must be one",
    ]);
  });

  it("a file over 1 MiB is refused by its size, before it is read or parsed", async () => {
    const huge = `version: 1\nlayers:\n  a: {paths: [src/**]}\n${"#".repeat(1024 * 1024)}\n`;
    expect(await problems(huge)).toEqual([
      `layers.yaml: the file is ${Buffer.byteLength(huge)} bytes, over the 1048576-byte (1 MiB) limit for a layer map: is it the right file?`,
    ]);
  });

  it("the size limit counts bytes, not characters: 600,000 two-byte characters are over it", async () => {
    const text = `version: 1\nname: "${"é".repeat(600_000)}"\nlayers:\n  a: {paths: [src/**]}\n`;
    expect(text.length).toBeLessThan(1024 * 1024);
    expect(await problems(text)).toEqual([
      `layers.yaml: the file is ${Buffer.byteLength(text)} bytes, over the 1048576-byte (1 MiB) limit for a layer map: is it the right file?`,
    ]);
  });

  it("10,000 layers: refused at the documented limit of 200", async () => {
    const layers = Array.from(
      { length: 10_000 },
      (_, index) => `  l${index}: {paths: [src/l${index}/**], mayImport: [l${(index + 1) % 10_000}]}`,
    );
    expect(await problems(`version: 1\nlayers:\n${layers.join("\n")}\n`)).toEqual([
      "layers.yaml:3:3 (layers): the map defines 10000 layers; at most 200 are supported: merge layers, a layer takes many globs",
    ]);
  });

  it("10,000 globs in one list: refused at the documented limit of 500", async () => {
    const globs = Array.from({ length: 10_000 }, (_, index) => `src/f${index}.ts`);
    expect(await problems(`version: 1\nlayers:\n  a:\n    paths: [${globs.join(", ")}]\n`)).toEqual([
      "layers.yaml:4:12 (layers.a.paths): at most 500 globs per list: use wider globs (`src/domain/**`) instead of one per file",
    ]);
  });
});

describe("known limits", () => {
  // dependency-cruiser joins an `exclude` option into one regex and refuses it past about 25 wildcards;
  // layerlint puts excludes in each rule's from.pathNot instead, where no such limit applies.
  it("30 exclude globs with wildcards are accepted by dependency-cruiser", async () => {
    const { cruise } = await import("dependency-cruiser");
    const { compileCruiseOptions, compileRules } = await import("../../src/domain/compile/compile-rules.js");
    const { createLayerClassifier } = await import("../../src/domain/classify/layer-classifier.js");
    const excludes = Array.from({ length: 30 }, (_, index) => `  - src/x${index}/*.ts`).join("\n");
    const loaded = await load(
      `version: 1\nexclude:\n${excludes}\nlayers:\n  a: {paths: [src/a/**]}\n  b: {paths: [src/b/**], mayImport: [a]}\n`,
    );
    const options = compileCruiseOptions(compileRules(loaded.map, createLayerClassifier(loaded.map.layers)), {
      baseDir: loaded.rootDir,
      tsconfig: null,
    });
    await expect(cruise(["src/a/a.ts"], options as never)).resolves.toBeDefined();
  });
});

/** Layers `w0…` of `globs` wildcard globs each, which one layer `core` may not import: one rule lists them all. */
function refusedByCore(layers: number, globs: number): string {
  const lines = ["version: 1", "layers:", "  core: {paths: [src/core/**]}"];
  const names = Array.from({ length: layers }, (_, index) => `w${index}`);
  for (const name of names) {
    lines.push(`  ${name}:`, `    mayImport: [core, ${names.join(", ")}]`, "    paths:");
    for (let glob = 0; glob < globs; glob++) lines.push(`      - ${name}/*${glob}`);
  }
  return `${lines.join("\n")}\n`;
}

/** `layers` layers of `globs` folders each, every layer refusing a different set: the rules hold each glob many times. */
function refusingEachOther(layers: number, globs: number): string {
  const lines = ["version: 1", "layers:"];
  for (let layer = 0; layer < layers; layer++) {
    lines.push(`  l${layer}:`, `    mayImport: [${layer > 0 ? `l${layer - 1}` : ""}]`, "    paths:");
    for (let glob = 0; glob < globs; glob++) lines.push(`      - src/l${layer}/f${glob}/**`);
  }
  return `${lines.join("\n")}\n`;
}

describe("maps whose rules dependency-cruiser could not take", () => {
  it("a rule's regex of 10,000 repetitions (20 layers of 500 wildcard globs) is accepted by dependency-cruiser", async () => {
    const { cruise } = await import("dependency-cruiser");
    const { compileCruiseOptions, compileRules } = await import("../../src/domain/compile/compile-rules.js");
    const { createLayerClassifier } = await import("../../src/domain/classify/layer-classifier.js");
    const loaded = await load(refusedByCore(20, 500));
    const options = compileCruiseOptions(compileRules(loaded.map, createLayerClassifier(loaded.map.layers)), {
      baseDir: loaded.rootDir,
      tsconfig: null,
    });
    await expect(cruise(["src/a/a.ts"], options as never)).resolves.toBeDefined();
  });

  it("one more layer makes 10,500: refused at load, at layers, instead of failing in dependency-cruiser", async () => {
    expect(await problems(refusedByCore(21, 500))).toEqual([
      "layers.yaml:3:3 (layers): a rule's regex repeats 10500 times, over the 10000 dependency-cruiser accepts (each wildcard is one): a rule lists the globs of every layer its layers may not import, and layers that may not import the same layers share one; give layers the same mayImport where you can, or fewer, broader globs",
    ]);
  });

  it("rules of more than 512 KiB of regex, which dependency-cruiser would take minutes to check, are refused at load", async () => {
    expect(await problems(refusingEachOther(30, 200))).toEqual([
      "layers.yaml:3:3 (layers): the rules compile to 2.0 MiB of regex, over the 512 KiB dependency-cruiser can check in a few seconds: a rule lists the globs of every layer its layers may not import, and layers that may not import the same layers share one; give layers the same mayImport where you can, or fewer, broader globs",
    ]);
  });
});

describe("__proto__, constructor, prototype", () => {
  it("__proto__ as a layer name is refused with its position, and pollutes nothing", async () => {
    expect(
      await problems(
        "version: 1\nlayers:\n  __proto__: {paths: [src/a/**], polluted: true}\n  b: {paths: [src/b/**], mayImport: [__proto__]}\n",
      ),
    ).toEqual([
      'layers.yaml:3:3 (layers.__proto__): "__proto__" is not allowed as a key or a layer name: rename it (layer names start with a letter)',
    ]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(({} as Record<string, unknown>)["paths"]).toBeUndefined();
  });

  it("__proto__ as a key, at the top or in a layer: refused at each", async () => {
    expect(
      await problems("version: 1\n__proto__: {polluted: 1}\nlayers:\n  a: {paths: [src/a/**], __proto__: {x: 1}}\n"),
    ).toEqual([
      'layers.yaml:2:1 (__proto__): "__proto__" is not allowed as a key or a layer name: rename it (layer names start with a letter)',
      'layers.yaml:4:26 (layers.a.__proto__): "__proto__" is not allowed as a key or a layer name: rename it (layer names start with a letter)',
    ]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("constructor, prototype, toString and hasOwnProperty are plain layer names", async () => {
    const loaded = await load(
      "version: 1\nlayers:\n  constructor: {paths: [src/a/**]}\n  prototype: {paths: [src/b/**], mayImport: [constructor]}\n  toString: {paths: [src/c/**], mayImport: [prototype, hasOwnProperty]}\n  hasOwnProperty: {paths: [src/d/**]}\n",
    );
    expect(loaded.map.layers.map((layer) => [layer.name, layer.mayImport])).toEqual([
      ["constructor", []],
      ["prototype", ["constructor"]],
      ["toString", ["prototype", "hasOwnProperty"]],
      ["hasOwnProperty", []],
    ]);
  });

  it("a mayImport naming a built-in property that is not a layer is an unknown layer", async () => {
    expect(await problems("version: 1\nlayers:\n  a: {paths: [src/a/**], mayImport: [constructor]}\n")).toEqual([
      'layers.yaml:3:38 (layers.a.mayImport[0]): unknown layer "constructor" in mayImport of "a" (layers: a)',
    ]);
  });
});

describe("globs that try to leave the project", () => {
  it("absolute paths, '..' segments, Windows drives and backslashes are refused in paths, include and exclude", async () => {
    const map = [
      "version: 1",
      'include: ["/etc", "src/../.."]',
      'exclude: ["C:/x/**"]',
      "layers:",
      '  a: {paths: ["/etc/**", "../outside/**", "src/a/../../..", "src\\\\a\\\\**"]}',
      "",
    ].join("\n");
    expect(await problems(map)).toEqual([
      'layers.yaml:5:15 (layers.a.paths[0]): invalid glob "/etc/**": it is absolute; write it relative to the map\'s folder',
      "layers.yaml:5:26 (layers.a.paths[1]): invalid glob \"../outside/**\": '..' would reach outside the map's folder",
      "layers.yaml:5:43 (layers.a.paths[2]): invalid glob \"src/a/../../..\": '..' would reach outside the map's folder",
      'layers.yaml:5:61 (layers.a.paths[3]): invalid glob "src\\a\\**": use forward slashes',
      'layers.yaml:2:11 (include[0]): invalid glob "/etc": it is absolute; write it relative to the map\'s folder',
      "layers.yaml:2:19 (include[1]): invalid glob \"src/../..\": '..' would reach outside the map's folder",
      'layers.yaml:3:11 (exclude[0]): invalid glob "C:/x/**": it is absolute; write it relative to the map\'s folder',
    ]);
  });

  it("regex metacharacters in a glob are literal characters, never a pattern", async () => {
    const loaded = await load('version: 1\nlayers:\n  a: {paths: ["src/(a|b)+/**", "src/x.ts$", "src/[ab]^"]}\n', {
      "src/(a|b)+/c.ts": "export {};\n",
    });
    expect(loaded.map.layers[0]?.paths).toEqual(["src/(a|b)+/**", "src/x.ts$", "src/[ab]^"]);
  });
});

describe("extends", () => {
  it("an unknown preset gets the closest built-in suggested", async () => {
    const builtIns = (await presetLocator.builtInNames()).join(", ");
    expect(builtIns).toMatch(/^backend-standard, clean, hexagonal, layered\b/);
    expect(await problems("version: 1\nextends: [backend-standrd]\nlayers:\n  a: {paths: [src/a/**]}\n")).toEqual([
      `layers.yaml:2:11 (extends[0]): unknown preset "backend-standrd": did you mean "backend-standard"? built-in presets are ${builtIns}; a file must start with ./ or ../`,
    ]);
  });

  it("a map that extends itself, directly or through another file", async () => {
    expect(await problems("version: 1\nextends: ./layers.yaml\nlayers:\n  a: {paths: [src/a/**]}\n")).toEqual([
      'layers.yaml:2:10 (extends): "./layers.yaml" extends itself through layers.yaml → layers.yaml',
    ]);
    expect(
      await problems("version: 1\nextends: ./base.yaml\nlayers:\n  a: {paths: [src/a/**]}\n", {
        "base.yaml": "version: 1\nextends: ./layers.yaml\n",
      }),
    ).toEqual([
      'base.yaml:2:10 (extends): "./layers.yaml" extends itself through layers.yaml → base.yaml → layers.yaml',
    ]);
  });

  it("a preset file that is not a layer map is reported in that file", async () => {
    expect(
      await problems("version: 1\nextends: ./base.yaml\nlayers:\n  a: {paths: [src/a/**]}\n", {
        "base.yaml": bytes([0x00, 0xff, 0xfe, 0x41]),
      }),
    ).toEqual(["base.yaml:1:2: the file is not valid UTF-8 (or holds U+FFFD): save it as UTF-8"]);
  });
});
