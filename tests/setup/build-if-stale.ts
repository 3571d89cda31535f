import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BUILT = join(ROOT, "dist/cli/bin.js");

function newestSourceChange(): number {
  const sources = readdirSync(join(ROOT, "src"), { recursive: true, encoding: "utf8" }).map((path) =>
    join(ROOT, "src", path),
  );
  const inputs = [...sources, join(ROOT, "tsconfig.build.json"), join(ROOT, "scripts/write-schemas.mjs")];
  return Math.max(...inputs.map((path) => statSync(path).mtimeMs));
}

function builtAt(): number {
  try {
    return statSync(BUILT).mtimeMs;
  } catch {
    return Number.NEGATIVE_INFINITY;
  }
}

/** Tests that run the built CLI never see a dist/ older than src/: `npx vitest` alone builds first when it is. */
export default function buildIfStale(): void {
  if (builtAt() >= newestSourceChange()) return;
  process.stderr.write("layerlint tests: dist/ is older than src/, building it first (npm run build)\n");
  execFileSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });
}
