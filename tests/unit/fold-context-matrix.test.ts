import { describe, expect, it } from "vitest";
import type { ContextMatrix } from "../../src/domain/architecture/build-context-matrix.js";
import { foldContextMatrix } from "../../src/domain/architecture/fold-context-matrix.js";

const files = (context: string, layer: string, count: number) =>
  Array.from({ length: count }, (_, index) => `src/${context}/${layer}/f${index}.ts`);

const matrix: ContextMatrix = {
  contexts: ["alpha", "beta", "gamma", "delta", "(shared kernel)"],
  layers: ["app", "domain", "kernel"],
  cells: [
    { context: "alpha", layer: "app", modules: files("alpha", "app", 1) },
    { context: "beta", layer: "app", modules: files("beta", "app", 3) },
    { context: "gamma", layer: "app", modules: files("gamma", "app", 1) },
    { context: "delta", layer: "app", modules: files("delta", "app", 2) },
    { context: "alpha", layer: "domain", modules: files("alpha", "domain", 2) },
    { context: "gamma", layer: "domain", modules: files("gamma", "domain", 1) },
    { context: "(shared kernel)", layer: "kernel", modules: files("shared", "kernel", 1) },
  ],
  edges: [
    { from: { context: "alpha", layer: "app" }, to: { context: "gamma", layer: "domain" }, imports: 1, severity: null },
    {
      from: { context: "beta", layer: "app" },
      to: { context: "alpha", layer: "domain" },
      imports: 2,
      severity: "warn",
    },
    { from: { context: "gamma", layer: "app" }, to: { context: "delta", layer: "app" }, imports: 4, severity: "error" },
    {
      from: { context: "delta", layer: "app" },
      to: { context: "alpha", layer: "domain" },
      imports: 1,
      severity: "error",
    },
    {
      from: { context: "gamma", layer: "app" },
      to: { context: "(shared kernel)", layer: "kernel" },
      imports: 3,
      severity: null,
    },
  ],
};

describe("folding a contexts × layers matrix to a budget of contexts", () => {
  it("keeps every context when they fit the budget", () => {
    expect(foldContextMatrix(matrix, 4)).toEqual({ ...matrix, folded: [] });
  });

  it("keeps the largest contexts in their order and draws the others together before the shared kernel", () => {
    const folded = foldContextMatrix(matrix, 2);
    expect(folded.contexts).toEqual(["alpha", "beta", "(other contexts)", "(shared kernel)"]);
    expect(folded.folded).toEqual(["delta", "gamma"]);
    expect(folded.cells.map((cell) => `${cell.context}/${cell.layer} ${cell.modules.length}`)).toEqual([
      "alpha/app 1",
      "beta/app 3",
      "(other contexts)/app 3",
      "alpha/domain 2",
      "(other contexts)/domain 1",
      "(shared kernel)/kernel 1",
    ]);
    expect(folded.cells[2]?.modules).toEqual(["src/delta/app/f0.ts", "src/delta/app/f1.ts", "src/gamma/app/f0.ts"]);
  });

  it("adds up the folded edges' imports, keeps the worst severity and drops those inside one folded cell", () => {
    const folded = foldContextMatrix(matrix, 2);
    expect(
      folded.edges.map(
        (edge) =>
          `${edge.from.context}/${edge.from.layer} -> ${edge.to.context}/${edge.to.layer} ${edge.imports} ${edge.severity}`,
      ),
    ).toEqual([
      "alpha/app -> (other contexts)/domain 1 null",
      "beta/app -> alpha/domain 2 warn",
      "(other contexts)/app -> alpha/domain 1 error",
      "(other contexts)/app -> (shared kernel)/kernel 3 null",
    ]);
  });

  it("ties between contexts of one size go to the name first in order", () => {
    expect(foldContextMatrix(matrix, 3).folded).toEqual(["gamma"]);
  });
});
