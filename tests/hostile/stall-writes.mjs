// Preloaded (`node --import`) into the built CLI by interrupted-write.test.ts and
// cache/cache-across-processes.test.ts: a write to a temporary file writes its first kilobyte, says so on
// stderr, then never finishes, so the test can kill it mid-write.
import fs from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";

const writeFile = fs.writeFile;
fs.writeFile = async (path, data, options) => {
  if (!String(path).endsWith(".tmp")) return writeFile(path, data, options);
  await writeFile(path, String(data).slice(0, 1024), options);
  setInterval(() => undefined, 60_000);
  process.stderr.write("stalled mid-write\n");
  return new Promise(() => undefined);
};
syncBuiltinESMExports();
