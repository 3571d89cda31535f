import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { startWorker } from "../../src/adapters/threads/start-worker.js";
import { workerThreadFlags } from "../../src/cli/worker-thread-flags.js";

const SKIP = "--no-experimental-detect-module";
const allowing = new Set([SKIP]);

describe("workerThreadFlags", () => {
  it("keeps this process's options and adds the one that skips module-format detection", () => {
    expect(workerThreadFlags(["--enable-source-maps"], allowing)).toEqual(["--enable-source-maps", SKIP]);
  });

  it("adds nothing where Node lacks that option or the user set detection either way", () => {
    expect(workerThreadFlags([], new Set())).toBeUndefined();
    expect(workerThreadFlags(["--experimental-detect-module"], allowing)).toBeUndefined();
    expect(workerThreadFlags([SKIP], allowing)).toBeUndefined();
  });

  it("knows the option on this Node", () => {
    expect(workerThreadFlags([])).toEqual([SKIP]);
  });
});

describe("startWorker", () => {
  const folder = mkdtempSync(join(tmpdir(), "layerlint-worker-"));
  const script = join(folder, "echo-exec-argv.mjs");
  writeFileSync(
    script,
    'import { parentPort } from "node:worker_threads";\nparentPort.postMessage(process.execArgv);\n',
  );
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const execArgvOf = (worker: Worker) =>
    new Promise<string[]>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });

  it("starts the thread with the flags given", async () => {
    await expect(execArgvOf(startWorker(pathToFileURL(script), {}, [SKIP]))).resolves.toEqual([SKIP]);
  });

  it("falls back to the inherited options when Node refuses a flag in a thread", async () => {
    const inherited = await execArgvOf(startWorker(pathToFileURL(script), {}, undefined));
    const refused = startWorker(pathToFileURL(script), {}, ["--title=layerlint", SKIP]);
    await expect(execArgvOf(refused)).resolves.toEqual(inherited);
    expect(inherited).not.toContain("--title=layerlint");
  });
});
