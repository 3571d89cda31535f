import { describe, expect, it } from "vitest";
import { vizSvgRenderer } from "../../src/adapters/graphviz/viz-svg-renderer.js";
import { fitReadably, fitToScreen, READABLE_SCALE, readableScale } from "../../src/cli/commands/fit-to-screen.js";
import {
  GRAPH_VERSION,
  type ArchitectureEdge,
  type ArchitectureGraph,
} from "../../src/domain/architecture/architecture-graph.js";

const folders = (count: number) => Array.from({ length: count }, (_, index) => `src/modules/billing/area${index}`);
const edge = (from: string, to: string): ArchitectureEdge => ({
  from,
  to,
  imports: 1,
  violation: false,
  severity: null,
  unused: false,
});
const graphOf = (ids: readonly string[], edges: readonly ArchitectureEdge[]): ArchitectureGraph => ({
  version: GRAPH_VERSION,
  level: "folder",
  name: "fit",
  layers: ["domain"],
  nodes: ids.map((id) => ({ id, layer: "domain", modules: 2 })),
  edges,
});
const size = (svg: string) => {
  const match = /<svg width="(\d+)pt" height="(\d+)pt"/.exec(svg);
  return { width: Number(match?.[1]), height: Number(match?.[2]) };
};

describe("a folder diagram fits 1,600 × 1,200 px (1,200 × 900 pt)", () => {
  it("a long import chain, too wide laid out left to right, is drawn top to bottom at full size", async () => {
    const ids = folders(9);
    const fitted = await fitToScreen(
      vizSvgRenderer,
      graphOf(
        ids,
        ids.slice(1).map((id, index) => edge(ids[index] as string, id)),
      ),
    );
    expect(fitted.dot).toContain("rankdir=TB");
    expect(fitted.scale).toBe(1);
    expect(size(fitted.svg).height).toBeLessThanOrEqual(900);
  });

  it("one folder importing many stays left to right, its imports in one column", async () => {
    const [hub, ...spokes] = folders(12) as [string, ...string[]];
    const fitted = await fitToScreen(
      vizSvgRenderer,
      graphOf(
        [hub, ...spokes],
        spokes.map((id) => edge(hub, id)),
      ),
    );
    expect(fitted.dot).toContain("rankdir=LR");
    expect(fitted.scale).toBe(1);
  });

  it("a layout too large either way is scaled down to the screen, in the direction that shrinks it least", async () => {
    const ids = folders(40);
    const chains = ids
      .slice(1)
      .filter((_, index) => index % 8 !== 7)
      .map((id, index) => edge(ids[index] as string, id));
    const fitted = await fitToScreen(vizSvgRenderer, graphOf(ids, chains));
    expect(fitted.scale).toBeLessThan(1);
    expect(fitted.scale).toBeGreaterThan(0.5);
    const { width, height } = size(fitted.svg);
    expect(width).toBeLessThanOrEqual(1200);
    expect(height).toBeLessThanOrEqual(900);
  });
});

describe("a fitted diagram keeps its text readable: folded further rather than scaled under 10 px", () => {
  const ids = Array.from({ length: 40 }, (_, index) => `src/modules/part${index % 8}/deep/area${index}`);
  const chains = ids.map((id, index) => edge(id, ids[(index + 1) % ids.length] as string));
  const big = { ...graphOf(ids, chains), collapse: 4 };
  const foldedTo: number[] = [];
  const fold = (segments: number) => {
    foldedTo.push(segments);
    const folded = [...new Set(ids.map((id) => id.split("/").slice(0, segments).join("/")))];
    return { ...graphOf(folded, []), collapse: segments };
  };

  it("scaled to fit, the graph's text would be under the floor", async () => {
    expect((await fitToScreen(vizSvgRenderer, big)).scale).toBeLessThan(READABLE_SCALE);
  });

  it("is folded one path segment at a time until it fits at a readable scale", async () => {
    const fitted = await fitReadably(vizSvgRenderer, big, fold);
    expect(fitted.scale).toBeGreaterThanOrEqual(READABLE_SCALE);
    expect(foldedTo).toEqual([3]);
    expect(fitted.graph.collapse).toBe(3);
    expect(fitted.graph.nodes.map((node) => node.id)).toEqual(
      Array.from({ length: 8 }, (_, index) => `src/modules/part${index}`),
    );
  });

  it("without a way to fold (--focus), is scaled down as far as the screen needs", async () => {
    const fitted = await fitReadably(vizSvgRenderer, big);
    expect(fitted.scale).toBeLessThan(READABLE_SCALE);
    expect(fitted.graph).toBe(big);
  });
});

describe("layer diagrams fit the screen too, and the floor is the smallest text a diagram has", () => {
  it("a layer diagram too wide for the screen stays top to bottom and is scaled down to it", async () => {
    const layers = Array.from({ length: 14 }, (_, index) => `layer${index}`);
    const wide: ArchitectureGraph = {
      ...graphOf([], []),
      level: "layer",
      layers,
      nodes: layers.map((id) => ({ id, layer: id, modules: 3 })),
      edges: layers.slice(1).map((id) => ({ ...edge("layer0", id), imports: 12 })),
    };
    const fitted = await fitToScreen(vizSvgRenderer, wide);
    expect(fitted.dot).toContain("rankdir=TB");
    expect(fitted.scale).toBeLessThan(1);
    expect(size(fitted.svg).width).toBeLessThanOrEqual(1200);
    expect(fitted.readable).toBe(fitted.scale >= READABLE_SCALE);
  });

  it("edge labels (10 pt) may shrink to 75 %, a diagram whose edges carry none (12 pt nodes) to 62.5 %", () => {
    const ids = folders(2);
    const [from = "", to = ""] = ids;
    expect(readableScale(graphOf(ids, [edge(from, to)]))).toBe(0.625);
    expect(readableScale(graphOf(ids, [{ ...edge(from, to), violation: true, severity: "error" }]))).toBe(0.75);
    expect(READABLE_SCALE).toBe(0.75);
  });
});
