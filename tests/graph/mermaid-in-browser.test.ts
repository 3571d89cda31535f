import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { describeInBrowser, launchChromium } from "./browser.js";

const GOLDEN = new URL("../golden/", import.meta.url);
const goldenMermaid = readdirSync(GOLDEN).filter((name) => name.startsWith("graph-") && name.endsWith(".mmd"));
/** The UMD build: ES modules do not load from file:// or setContent pages. */
const MERMAID_SCRIPT = createRequire(import.meta.url).resolve("mermaid/dist/mermaid.min.js");

/** Renders Mermaid source with Mermaid itself; resolves to the SVG, rejects on a syntax error. */
function renderMermaid(page: Page, source: string): Promise<string> {
  return page.evaluate(async (text) => {
    const mermaid = (
      globalThis as unknown as {
        mermaid: { initialize(config: object): void; render(id: string, text: string): Promise<{ svg: string }> };
      }
    ).mermaid;
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
    return (await mermaid.render("diagram", text)).svg;
  }, source);
}

describeInBrowser("Mermaid output rendered by Mermaid in headless Chromium", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setContent("<!doctype html><html><body></body></html>");
    await page.addScriptTag({ path: MERMAID_SCRIPT });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("finds the golden Mermaid files to render", () => {
    expect(goldenMermaid.length).toBeGreaterThanOrEqual(2);
  });

  it.each(goldenMermaid)("%s renders: every node and the violation labels are drawn", async (name) => {
    const source = readFileSync(new URL(name, GOLDEN), "utf8");
    const svg = await renderMermaid(page, source);
    expect(svg).toContain("<svg");
    expect(svg).toContain("violation: 1 import");
    const labels = [...source.matchAll(/^\s+n\d+\["([^"<]+)/gm)].map((match) => match[1] as string);
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(svg).toContain(label);
  });

  it("a syntax error fails the render", async () => {
    await expect(renderMermaid(page, 'flowchart TB\n  n0["a"] -->|"x| n1\n')).rejects.toThrow(/Parse error/);
  });
});
