import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { fixturePath, runBuiltCli } from "../helpers/run-built-cli.js";
import { describeInBrowser, launchChromium } from "./browser.js";

const reportFile = join(mkdtempSync(join(tmpdir(), "layerlint-matrix-report-")), "report.html");

describeInBrowser("the review report's contexts × layers matrix in headless Chromium", () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    expect(runBuiltCli(["report", "-o", reportFile], fixturePath("contexts"), { SOURCE_DATE_EPOCH: "0" }).status).toBe(
      0,
    );
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    await page.goto(pathToFileURL(reportFile).href);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("draws the matrix: a cell per context and layer holding modules", async () => {
    expect(problems).toEqual([]);
    expect(await page.locator('#matrix [id^="cell:"]').count()).toBe(13);
  });

  it("clicking a cell lists its modules and the imports crossing into or out of it with file:line; back is one click", async () => {
    await page.locator('#matrix [id="cell:billing/application"] text').click();
    expect(new URL(page.url()).hash).toBe(`#${encodeURIComponent("cell=billing/application")}`);
    const view = page.locator(".drill-view:visible");
    expect(await view.count()).toBe(1);
    expect(await view.locator("h2").textContent()).toBe("billing × application 1 module, 3 cross-context imports");
    expect(await view.locator("ul.cell-modules li").allTextContents()).toEqual([
      "src/modules/billing/application/pay.ts",
    ]);
    expect(await view.locator("tr.import td:first-child").allTextContents()).toEqual([
      "src/modules/billing/application/pay.ts:1:1",
      "src/modules/billing/application/pay.ts:2:1",
      "src/modules/orders/application/place-order.ts:2:1",
    ]);
    await page.screenshot({ path: "/tmp/matrix-cell.png", fullPage: true });
    expect(await page.locator("#matrix").isVisible()).toBe(false);
    await page.locator("#back").click();
    expect(await page.locator("#matrix").isVisible()).toBe(true);
    expect(await page.locator("#drill").isVisible()).toBe(false);
  });
});
