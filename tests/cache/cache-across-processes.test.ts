import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { copyFixture, type TempProject } from "../baseline/temp-project.js";
import { BUILT_BIN } from "../helpers/run-built-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

/**
 * The check cache shared by separate processes of the built CLI (`npm run build` first): runs at the same time,
 * a run killed mid-write, and later processes reading what earlier ones wrote. Cold references run in process.
 * Each kind of change against the cache, in one process: cache-events.test.ts.
 */
const STALL_WRITES = fileURLToPath(new URL("../hostile/stall-writes.mjs", import.meta.url));

let project: TempProject;
beforeEach(() => {
  project = copyFixture("cache-events");
});
afterEach(() => project.remove());

const cacheDir = () => join(project.dir, "node_modules", ".cache", "layerlint");
const coldReport = async () => (await runInProcess(["check", "--format", "json", "--no-cache"], project.dir)).stdout;

describe("the cache across processes", () => {
  it("concurrent runs sharing the cache all report what a cold run reports, and a later process reads the cache they left", async () => {
    project.write(
      "src/http/route.ts",
      `import { saveUser } from "../db/users.js";\n${project.read("src/http/route.ts")}`,
    );
    const cold = await coldReport();
    const runOnce = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, [BUILT_BIN, "check", "--format", "json"], {
          cwd: project.dir,
          env: { ...process.env, NO_COLOR: "1" },
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.on("error", reject);
        child.on("close", () => (stderr === "" ? resolve(stdout) : reject(new Error(stderr))));
      });
    for (let round = 0; round < 3; round++) {
      const outputs = await Promise.all([runOnce(), runOnce(), runOnce()]);
      for (const output of outputs) expect(output).toBe(cold);
    }
    const after = project.run("check", "--format", "json", "--timings");
    expect(after.stdout).toBe(cold);
    expect(after.stderr).toContain("cache: graph 5 hits, 0 misses (nothing changed); syntax 5 hits, 0 misses");
  }, 60_000);

  it("a run killed while it writes the cache leaves no temporary file, and the next run is exact", async () => {
    const child = spawn(process.execPath, ["--import", STALL_WRITES, BUILT_BIN, "check", "--format", "json"], {
      cwd: project.dir,
      env: { ...process.env, NO_COLOR: "1" },
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once("exit", (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve) =>
      child.stderr.on("data", (chunk: Buffer) => chunk.toString().includes("stalled mid-write") && resolve()),
    );
    expect(readdirSync(cacheDir()).filter((name) => name.endsWith(".tmp"))).toHaveLength(1);
    child.kill("SIGTERM");
    expect(await exited).toBe("SIGTERM");
    expect(readdirSync(cacheDir()).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    const next = project.run("check", "--format", "json");
    expect(next.status).toBe(0);
    expect(next.stdout).toBe(await coldReport());
  }, 60_000);
});
