import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { testFilesOfTier } from "./tests/tiers.js";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Vitest's default (one worker fewer than the cores) leaves one worker on a two-core runner, while many
    // tests wait on a child process or a browser: two workers at least.
    maxWorkers: Math.max(2, availableParallelism()),
    hookTimeout: 120_000,
    projects: [
      // Unit files share their workers' module graph: dependency-cruiser and TypeScript are loaded once per worker,
      // not once per file (66 s to 25 s for the tier). A unit test must leave no global state behind.
      { extends: true, test: { name: "unit", include: testFilesOfTier("unit", root), isolate: false } },
      {
        extends: true,
        test: { name: "e2e", include: testFilesOfTier("e2e", root), globalSetup: ["tests/setup/build-if-stale.ts"] },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: testFilesOfTier("browser", root),
          globalSetup: ["tests/setup/build-if-stale.ts"],
        },
      },
    ],
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      reporter: ["text-summary"],
      // The floor is what the suite reached (87.5 / 80.7 / 89.0 / 89.0 on 2026-12-06), rounded down; raise it, never lower it.
      thresholds: { statements: 87, branches: 80, functions: 88, lines: 88 },
    },
  },
});
