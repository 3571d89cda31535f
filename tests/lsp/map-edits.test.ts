import { describe, expect, it } from "vitest";
import { yamlReader } from "../../src/adapters/yaml/yaml-reader.js";
import { exceptionInsertion, mayImportInsertion, type TextInsertion } from "../../src/application/map-edits.js";

function apply(text: string, insertion: TextInsertion | null): string | null {
  if (insertion === null) return null;
  const lines = text.split("\n");
  const offset =
    lines.slice(0, insertion.line - 1).reduce((total, line) => total + line.length + 1, 0) + insertion.column - 1;
  return text.slice(0, offset) + insertion.text + text.slice(offset);
}

const withException = (text: string) =>
  apply(text, exceptionInsertion(text, yamlReader.parse(text), "src/a.ts", "src/b.ts"));
const withMayImport = (text: string, layer: string, target: string) =>
  apply(text, mayImportInsertion(text, yamlReader.parse(text), layer, target));

describe("the code actions' edits of layers.yaml", () => {
  it("adds an exception with a reason placeholder: a new list at the end, or the first entry of a block or flow list", () => {
    expect(withException("version: 1\nlayers: {}")).toBe(
      'version: 1\nlayers: {}\nexceptions:\n  - from: "src/a.ts"\n    to: "src/b.ts"\n    reason: "TODO: why this import is tolerated"\n',
    );
    expect(withException("exceptions:\n    - from: x\n      to: y\n      reason: z\n")).toBe(
      'exceptions:\n    - from: "src/a.ts"\n      to: "src/b.ts"\n      reason: "TODO: why this import is tolerated"\n    - from: x\n      to: y\n      reason: z\n',
    );
    expect(withException("exceptions: [{ from: x, to: y, reason: z }]\n")).toBe(
      'exceptions: [{ from: "src/a.ts", to: "src/b.ts", reason: "TODO: why this import is tolerated" }, { from: x, to: y, reason: z }]\n',
    );
    expect(withException("exceptions: []\n")).toBeNull();
    for (const text of [
      withException("version: 1\n"),
      withException("exceptions:\n  - from: x\n    to: y\n    reason: z\n"),
    ])
      expect(yamlReader.parse(text as string).errors).toEqual([]);
  });

  it("adds a layer to mayImport: into a flow list, an empty one, a block list, or as a new key beside paths", () => {
    expect(withMayImport("layers:\n  a:\n    paths: [x]\n    mayImport: [b, c]\n", "a", "d")).toBe(
      "layers:\n  a:\n    paths: [x]\n    mayImport: [b, c, d]\n",
    );
    expect(withMayImport("layers:\n  a:\n    paths: [x]\n    mayImport: []\n", "a", "d")).toBe(
      "layers:\n  a:\n    paths: [x]\n    mayImport: [d]\n",
    );
    expect(withMayImport("layers:\n  a:\n    paths: [x]\n    mayImport:\n      - b\n", "a", "d")).toBe(
      "layers:\n  a:\n    paths: [x]\n    mayImport:\n      - d\n      - b\n",
    );
    expect(withMayImport("layers:\n  a:\n    paths: [x]\n", "a", "d")).toBe(
      "layers:\n  a:\n    mayImport: [d]\n    paths: [x]\n",
    );
    expect(withMayImport("layers:\n  a: { paths: [x] }\n", "a", "d")).toBe(
      "layers:\n  a: { mayImport: [d], paths: [x] }\n",
    );
    expect(withMayImport("layers:\n  a: { paths: [x] }\n", "missing", "d")).toBeNull();
  });
});
