import { existsSync } from "node:fs";
import { describe } from "vitest";
import { chromium, type Browser } from "playwright-core";

/** Debian's chromium (`.ci/run` installs it), driven by playwright-core. */
export const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Outside CI a machine without the browser skips these tests; in CI a missing browser fails them. */
export function describeInBrowser(name: string, body: () => void): void {
  (existsSync(CHROMIUM) || process.env.CI === "true" ? describe : describe.skip)(name, body);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}
