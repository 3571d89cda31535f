import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { vizSvgRenderer } from "../../src/adapters/graphviz/viz-svg-renderer.js";
import { fitMatrixToScreen } from "../../src/cli/commands/fit-to-screen.js";
import type { ContextMatrix } from "../../src/domain/architecture/build-context-matrix.js";
import { fixturePath } from "../helpers/run-built-cli.js";
import { describeInBrowser, launchChromium } from "./browser.js";
import { measure, tooClose, type Measured } from "./measure-svg.js";

const matrix = JSON.parse(
  readFileSync(join(fixturePath("matrix-labels"), "contexts-x-layers.json"), "utf8"),
) as ContextMatrix;

describeInBrowser("the edge counts of a contexts × layers matrix in Chromium", () => {
  let browser: Browser | undefined;
  let measured: Measured;
  beforeAll(async () => {
    const { svg } = await fitMatrixToScreen(vizSvgRenderer, matrix, "forum");
    browser = await launchChromium();
    measured = await measure(await browser.newPage({ viewport: { width: 1600, height: 1200 } }), svg);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("draws a count for every cross-context edge", () => {
    const counts = measured.texts.filter((text) => text.owner.startsWith("edge:")).map((text) => text.text);
    const drawn = matrix.edges.filter((edge) => edge.severity !== null || edge.to.context !== "(no context)");
    expect(counts.sort()).toEqual(drawn.map((edge) => String(edge.imports)).sort());
  });

  it("keeps every two counts (and every count and cell label) apart: none touches another", () => {
    expect(tooClose(measured.texts)).toEqual([]);
  });
});
