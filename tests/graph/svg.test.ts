import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { vizSvgRenderer } from "../../src/adapters/graphviz/viz-svg-renderer.js";
import { DependencyFailure } from "../../src/domain/errors.js";
import { fixturePath } from "../helpers/run-built-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

const GOLDEN = new URL("../golden/", import.meta.url);
const goldenDots = readdirSync(GOLDEN).filter((name) => name.startsWith("graph-") && name.endsWith(".dot"));

describe("SVG through the WebAssembly Graphviz (@viz-js/viz)", () => {
  it("finds the golden DOT files to lay out", () => {
    expect(goldenDots.length).toBeGreaterThanOrEqual(3);
  });

  it.each(goldenDots)("%s is DOT that Graphviz lays out", async (name) => {
    const svg = await vizSvgRenderer.renderDot(readFileSync(new URL(name, GOLDEN), "utf8"));
    expect(svg).toMatch(/^<\?xml[^]*<svg [^]*<\/svg>\n$/);
  });

  it("refuses DOT with a syntax error as a dependency failure naming the line", async () => {
    const failure = vizSvgRenderer.renderDot('digraph "x" {\n  "a" -> ;\n}\n');
    await expect(failure).rejects.toBeInstanceOf(DependencyFailure);
    await expect(failure).rejects.toThrow("Graphviz could not lay out the graph: syntax error in line 2 near ';'");
  });

  it("graph --format svg: the layer diagram with ids per layer and edge, the forbidden edge red, byte-identical across runs", async () => {
    const cwd = fixturePath("graph-shop");
    const run = await runInProcess(["graph", "--format", "svg"], cwd);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    for (const layer of ["api", "app", "domain", "db", "contracts"])
      expect(run.stdout).toContain(`<g id="node:${layer}" class="node">`);
    const violation = run.stdout.slice(run.stdout.indexOf('<g id="edge:api&#45;&gt;db" class="edge">'));
    expect(violation.slice(0, violation.indexOf("</g>"))).toContain('stroke="#d62728"');
    expect((await runInProcess(["graph", "--format", "svg"], cwd)).stdout).toBe(run.stdout);
  });
});
