import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { BUILT_BIN } from "../helpers/run-built-cli.js";
import { createProject, removeProject, TWO_LAYERS_MAP, TWO_LAYERS_SOURCES } from "./temporary-project.js";

/**
 * Nothing lost: the built CLI writing a report with -o is killed in the middle of the write (a preload
 * stalls it after its first kilobyte at most). The previous report stays intact; SIGINT and SIGTERM also remove
 * the temporary file; SIGKILL cannot be caught, so its temporary file stays, beside an intact report.
 */

const STALL_WRITES = fileURLToPath(new URL("./stall-writes.mjs", import.meta.url));
const PREVIOUS = '{ "previous": "report" }\n';
const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));

async function killMidWrite(signal: NodeJS.Signals) {
  const root = createProject({ ...TWO_LAYERS_SOURCES, "layers.yaml": TWO_LAYERS_MAP, "report.json": PREVIOUS });
  projects.push(root);
  // --no-cache: the cache's own atomic writes come first and would be the ones stalled.
  const child = spawn(
    process.execPath,
    ["--import", STALL_WRITES, BUILT_BIN, "check", "--no-cache", "--format", "json", "-o", "report.json"],
    { cwd: root, env: { ...process.env, NO_COLOR: "1" } },
  );
  const temporaryFiles = () => readdirSync(root).filter((name) => name.endsWith(".tmp"));
  let stderr = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, exitSignal) => resolve({ code, signal: exitSignal })),
  );
  await new Promise<void>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes("stalled mid-write")) resolve();
    });
    void exited.then(() => reject(new Error(`the CLI exited before writing; stderr:\n${stderr}`)));
  });
  const duringWrite = temporaryFiles();
  child.kill(signal);
  const exit = await exited;
  return { exit, duringWrite, after: temporaryFiles(), report: readFileSync(join(root, "report.json"), "utf8"), root };
}

describe.concurrent("a run killed while it writes its report", () => {
  it("SIGTERM: dies of the signal, the previous report intact, the temporary file removed", async () => {
    const killed = await killMidWrite("SIGTERM");
    expect(killed.duringWrite).toHaveLength(1);
    expect(killed.duringWrite[0]).toMatch(/^\.report\.json\.\d+\.[0-9a-f]{12}\.tmp$/);
    expect(killed.exit).toEqual({ code: null, signal: "SIGTERM" });
    expect(killed.report).toBe(PREVIOUS);
    expect(killed.after).toEqual([]);
  });

  it("SIGINT (Ctrl-C): dies of the signal, the previous report intact, the temporary file removed", async () => {
    const killed = await killMidWrite("SIGINT");
    expect(killed.duringWrite).toHaveLength(1);
    expect(killed.exit).toEqual({ code: null, signal: "SIGINT" });
    expect(killed.report).toBe(PREVIOUS);
    expect(killed.after).toEqual([]);
  });

  it("SIGKILL: the previous report intact; only the uncatchable kill leaves its temporary file", async () => {
    const killed = await killMidWrite("SIGKILL");
    expect(killed.exit).toEqual({ code: null, signal: "SIGKILL" });
    expect(killed.report).toBe(PREVIOUS);
    expect(killed.after).toEqual(killed.duringWrite);
    expect(readFileSync(join(killed.root, killed.after[0] as string), "utf8")).toMatch(/^\{\n {2}"version": 1,/);
  });
});
