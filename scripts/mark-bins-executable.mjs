// tsc writes files without the execute bit; npx runs a project's own bin directly, so it needs one.
import { chmodSync, readFileSync } from "node:fs";

const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
for (const file of Object.values(manifest.bin)) {
  chmodSync(new URL(`../${file}`, import.meta.url), 0o755);
}
