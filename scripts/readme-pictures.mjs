// Draws the README's pictures from the contexts fixture: `npm run build && node scripts/readme-pictures.mjs`.
// Each view is `layerlint graph --format svg` laid out by the built CLI, photographed by Chromium.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("../", import.meta.url));
const fixture = join(root, "tests/fixtures/contexts");
const pictures = join(root, "docs/pictures");
const VIEWS = {
  "graph-layer": ["--level", "layer", "--show-unused", "--packages"],
  "graph-folder": ["--level", "folder"],
  "graph-context": ["--level", "context"],
  "graph-matrix": ["--level", "context", "--matrix"],
  "graph-focus": ["--level", "module", "--focus", "src/modules/billing/application/**"],
};

mkdirSync(pictures, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), "layerlint-pictures-"));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  const page = await browser.newPage({ viewport: { width: 800, height: 400 }, deviceScaleFactor: 1 });
  for (const [name, args] of Object.entries(VIEWS)) {
    const svg = execFileSync(process.execPath, [join(root, "dist/cli/bin.js"), "graph", "--format", "svg", ...args], {
      cwd: fixture,
      encoding: "utf8",
    });
    const html = join(scratch, `${name}.html`);
    writeFileSync(
      html,
      `<!doctype html><body style="margin:8px;background:#fff">${svg.slice(svg.indexOf("<svg"))}</body>`,
    );
    await page.goto(pathToFileURL(html).href);
    await page.locator("svg").screenshot({ path: join(pictures, `${name}.png`) });
    console.log(`docs/pictures/${name}.png`);
  }
} finally {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}
