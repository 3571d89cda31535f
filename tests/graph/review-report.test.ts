import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { fixturePath, REPO_ROOT, runBuiltCli } from "../helpers/run-built-cli.js";
import { describeInBrowser, launchChromium } from "./browser.js";

const cwd = fixturePath("graph-shop");
const EPOCH = { SOURCE_DATE_EPOCH: "1764000000" };
const dir = mkdtempSync(join(tmpdir(), "layerlint-report-"));
const reportFile = join(dir, "report.html");

describe("layerlint report (built CLI)", () => {
  it("writes one self-contained page: exit 0, nothing on stdout, no external resource", () => {
    const run = runBuiltCli(["report", "--output", reportFile], cwd, EPOCH);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("");
    expect(run.status).toBe(0);
    const html = readFileSync(reportFile, "utf8");
    expect(html).not.toMatch(/\b(src|href)=|https?:\/\/(?!www\.w3\.org\/)/);
    expect(html).toContain("<title>graph-shop: architecture review</title>");
  });

  it("the header names the commit and the date from SOURCE_DATE_EPOCH; the page is byte-identical across runs", () => {
    const first = runBuiltCli(["report"], cwd, EPOCH).stdout;
    const second = runBuiltCli(["report"], cwd, EPOCH).stdout;
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: REPO_ROOT, encoding: "utf8" }).trim();
    expect(second).toContain(`<dt>commit</dt><dd><code>${head}</code></dd>`);
    expect(second).toContain('<time datetime="2025-11-24T16:00:00Z">2025-11-24T16:00:00Z</time>');
    // Other commits may land between the two runs in a shared working tree; everything else must not move.
    const withoutCommit = (html: string) => html.replace(/<code>[0-9a-f]{40}<\/code>/, "<code>COMMIT</code>");
    expect(withoutCommit(second)).toBe(withoutCommit(first));
  });

  it("HTML-escapes the source around a violation", () => {
    const html = runBuiltCli(["report"], cwd, EPOCH).stdout;
    expect(html).toContain("// TODO(review): &lt;script&gt;document.title = &quot;injected&quot;&lt;/script&gt; &amp; &quot;quotes&quot; stay text in the report");
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it("refuses a SOURCE_DATE_EPOCH that is not whole seconds: exit 2", () => {
    const run = runBuiltCli(["report"], cwd, { SOURCE_DATE_EPOCH: "yesterday" });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('layerlint: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not "yesterday" [LL-USAGE]\n');
  });
});

describeInBrowser("the review report in headless Chromium", () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const visibleViolations = () => page.locator("tr.violation:visible");

  beforeAll(async () => {
    expect(runBuiltCli(["report", "-o", reportFile], cwd, EPOCH).status).toBe(0);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(pathToFileURL(reportFile).href);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows no console error and runs no script from the source excerpts", async () => {
    expect(problems).toEqual([]);
    expect(await page.title()).toBe("graph-shop: architecture review");
  });

  it("draws the diagram: a node per layer and the forbidden edges in red", async () => {
    expect(await page.locator("#diagram svg g.node").count()).toBe(6);
    expect(await page.locator('#diagram [id="node:api"]').isVisible()).toBe(true);
    expect(await page.locator('#diagram [id="edge:api->db"] path').getAttribute("stroke")).toBe("#d62728");
    expect((await page.locator("#diagram svg").boundingBox())?.height).toBeGreaterThan(300);
  });

  it("lists every violation, grouped by layer pair, with file:line and the import as written", async () => {
    expect(await page.locator("section.group h3").allTextContents()).toEqual(["api → db 1", "db → app 1", "files no layer claims 1"]);
    expect(await visibleViolations().count()).toBe(3);
    expect(await page.locator("tr.violation").first().locator("td").first().textContent()).toContain("src/api/orders/create-order-route.ts:3:1");
    expect(await page.locator("tr.violation").first().locator("td").nth(1).textContent()).toBe("../../db/order-table.js");
  });

  it("clicking an edge filters the tables to that pair; show all brings everything back", async () => {
    await page.locator('#diagram [id="edge:db->app"] text').click();
    expect(await visibleViolations().count()).toBe(1);
    expect(await visibleViolations().first().getAttribute("data-from")).toBe("db");
    expect(await page.locator("tr.layer:visible").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-layer")))).toEqual(["app", "db"]);
    expect(await page.locator("#selection").textContent()).toBe("db → app");

    await page.locator("#clear").click();
    expect(await visibleViolations().count()).toBe(3);
    expect(await page.locator("tr.layer:visible").count()).toBe(6);
  });

  it("clicking a layer keeps the violations from or to it; the filter box narrows by text", async () => {
    await page.locator('#diagram [id="node:api"] text').first().click();
    expect(await visibleViolations().count()).toBe(1);
    await page.locator("#clear").click();

    await page.locator("#filter").fill("seed");
    expect(await visibleViolations().count()).toBe(1);
    expect(await page.locator("section.group:visible h3").allTextContents()).toEqual(["files no layer claims 1"]);
    await page.locator("#filter").fill("nothing matches this");
    expect(await page.locator("#nothing-shown").isVisible()).toBe(true);
    await page.screenshot({ path: join(dir, "report.png"), fullPage: true });
    expect(problems).toEqual([]);
  });
});
