import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

/**
 * `--cache-dir` with a temporary folder, removed after the test file: a file's checks of unchanged fixtures
 * share one cache (a file per map), so only the first check of each map is cold, as a user's next run is warm.
 */
export function sharedCheckCache(): readonly ["--cache-dir", string] {
  const dir = mkdtempSync(join(tmpdir(), "layerlint-shared-cache-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return ["--cache-dir", dir];
}
