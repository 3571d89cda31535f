import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { cachingSourceInspector } from "../../src/adapters/cache/caching-source-inspector.js";
import { nodeFileSystem } from "../../src/adapters/file-system/node-file-system.js";
import { typescriptSourceInspector } from "../../src/adapters/typescript/source-inspector.js";
import type { SourceInspector } from "../../src/application/ports.js";

let dir: string;
let parsed: string[];
const counting: SourceInspector = {
  locateImports(fileName, text) {
    parsed.push(fileName);
    return typescriptSourceInspector.locateImports(fileName, text);
  },
  syntaxProblems: (fileName, text) => typescriptSourceInspector.syntaxProblems(fileName, text),
};
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "layerlint-located-"));
  parsed = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = (warnings: string[] = []) =>
  cachingSourceInspector(counting, nodeFileSystem, "key-1", join(dir, "cache", "imports.json"), (message) =>
    warnings.push(message),
  );
const text = `import { a } from "./a.js";\n\nexport { b } from "../b.js";\n`;

it("locates a file's imports with the parser once per content, then from the cache", async () => {
  const first = await open();
  const located = first.inspector.locateImports("src/x.ts", text);
  expect(located).toEqual([
    { specifier: "./a.js", line: 1, column: 1, typeOnly: false },
    { specifier: "../b.js", line: 3, column: 1, typeOnly: false },
  ]);
  await first.flush();
  const second = await open();
  expect(second.inspector.locateImports("src/x.ts", text)).toEqual(located);
  expect(parsed).toEqual(["src/x.ts"]);
  expect(second.inspector.locateImports("src/x.ts", `\n${text}`)[0]).toEqual({
    specifier: "./a.js",
    line: 2,
    column: 1,
    typeOnly: false,
  });
  expect(parsed).toEqual(["src/x.ts", "src/x.ts"]);
});

it("discards a corrupt cache file with a warning and parses again", async () => {
  const first = await open();
  first.inspector.locateImports("src/x.ts", text);
  await first.flush();
  writeFileSync(join(dir, "cache", "imports.json"), "garbage");
  const warnings: string[] = [];
  const second = await open(warnings);
  expect(second.inspector.locateImports("src/x.ts", text)).toHaveLength(2);
  expect(parsed).toEqual(["src/x.ts", "src/x.ts"]);
  expect(warnings).toEqual([
    `the cache file ${join(dir, "cache", "imports.json")} is discarded: its checksum does not match its content`,
  ]);
});
