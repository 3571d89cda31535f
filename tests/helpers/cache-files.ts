import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Rewrites the JSON of the cache file whose name ends in `suffix`, in the default cache folder of the map's folder
 * `root`, with a valid checksum: what a hand edit or another job's cache looks like.
 */
export function editCacheFile(root: string, suffix: string, edit: (value: any) => unknown): void {
  const folder = join(root, "node_modules", ".cache", "layerlint");
  const name = readdirSync(folder).find((file) => file.endsWith(suffix));
  if (name === undefined) throw new Error(`no ${suffix} cache file in ${folder}`);
  const path = join(folder, name);
  const text = readFileSync(path, "utf8");
  const body = JSON.stringify(edit(JSON.parse(text.slice(text.indexOf("\n") + 1))));
  writeFileSync(path, `${createHash("sha256").update(body).digest("base64url")}\n${body}`);
}
