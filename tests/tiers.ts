import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Which tier a test file belongs to, read off what it starts: a browser (playwright-core), a process (the built
 * CLI, npm, git), or neither. A test moved to the in-process harness moves to the unit tier by itself.
 */
export type Tier = "unit" | "e2e" | "browser";

const STARTS_A_BROWSER = /from "playwright-core"|from "\.\/browser\.js"/;
const STARTS_A_PROCESS =
  /\brunBuiltCli\b|from "node:child_process"|temp-project\.js"|join\(REPO_ROOT, "dist\/|from "\.\/lsp-client\.js"/;

export function tierOf(source: string): Tier {
  if (STARTS_A_BROWSER.test(source)) return "browser";
  if (STARTS_A_PROCESS.test(source)) return "e2e";
  return "unit";
}

/** The test files of one tier, as paths relative to the repository root. */
export function testFilesOfTier(tier: Tier, root: string): string[] {
  return readdirSync(join(root, "tests"), { recursive: true, encoding: "utf8" })
    .map((path) => `tests/${path.replaceAll("\\", "/")}`)
    .filter((path) => path.endsWith(".test.ts") && !path.startsWith("tests/fixtures/"))
    .filter((path) => tierOf(readFileSync(join(root, path), "utf8")) === tier)
    .sort();
}
