import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { BUILT_BIN } from "../helpers/run-built-cli.js";
import { createProject, removeProject } from "./temporary-project.js";

/**
 * Ctrl-C and SIGTERM stop the built CLI within a second whatever it is doing, with no temporary file left:
 * during a compile of a big map (seconds of synchronous work on the main thread) and during a cruise of
 * a few thousand modules. The process dies of the signal, as a shell expects (it reports 130 or 143).
 */

const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));

/**
 * 200 layers of 100 globs, each allowed to import every other (so the rules stay small): 690 KB of YAML,
 * about 1.3 s of CPU to read, validate and compile, nearly all of it on the main thread without a pause.
 */
function bigMap(): string {
  const names = Array.from({ length: 200 }, (_, layer) => `l${layer}`);
  const lines = ["version: 1", "layers:"];
  for (const name of names) {
    const others = names.filter((other) => other !== name);
    lines.push(`  ${name}:`, `    mayImport: [${others.join(", ")}]`, "    paths:");
    for (let glob = 0; glob < 100; glob++) lines.push(`      - src/${name}/f${glob}/**`);
  }
  return `${lines.join("\n")}\n`;
}

/** 3,000 modules in two layers, each importing one of the first half. */
function bigTree(): Record<string, string> {
  const files: Record<string, string> = {
    "layers.yaml": "version: 1\nlayers:\n  a: { paths: [src/a/**] }\n  b: { paths: [src/b/**], mayImport: [a] }\n",
  };
  for (let index = 0; index < 3000; index++) {
    const folder = index % 2 === 0 ? "a" : "b";
    const target = Math.floor(index / 2);
    const targetFolder = target % 2 === 0 ? "a" : "b";
    files[`src/${folder}/m${index}.ts`] =
      index === 0
        ? "export const m0 = 0;\n"
        : `import { m${target} } from "../${targetFolder}/m${target}.js";\nexport const m${index} = m${target};\n`;
  }
  return files;
}

/** Seconds of CPU the process has used (Linux's /proc: user and system clock ticks, 100 a second). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8")
    .replace(/^.*\) /s, "")
    .split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface Interrupted {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly msToExit: number;
  readonly temporaryFiles: string[];
}

/** Linux's state of the process: "Z" once it has ended and waits for its parent to read its exit. */
function stateOf(pid: number): string {
  return (
    readFileSync(`/proc/${pid}/stat`, "utf8")
      .replace(/^.*\) /s, "")
      .split(" ")[0] ?? ""
  );
}

/**
 * Starts the built CLI, sends the signal once `ready` says so, and times how long it takes to end. On a
 * loaded machine this process may look only after the CLI has ended (its CPU time still readable): such a
 * run says nothing of the signal and is started again, up to three times; a signal the CLI lost is not.
 */
async function interrupt(
  files: Record<string, string>,
  args: readonly string[],
  signal: NodeJS.Signals,
  ready: (stderr: string, pid: number) => boolean,
): Promise<Interrupted> {
  const root = createProject(files);
  projects.push(root);
  for (let attempt = 1; ; attempt++) {
    const child = spawn(process.execPath, [BUILT_BIN, ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1" },
    });
    const pid = child.pid as number;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once("exit", (code, exitSignal) => resolve({ code, signal: exitSignal })),
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    let ended = false;
    void exited.then(() => (ended = true));
    while (!ended && !ready(stderr, pid)) await new Promise((resolve) => setTimeout(resolve, 20));
    if (ended || stateOf(pid) === "Z") {
      await exited;
      if (attempt < 3) continue;
      throw new Error(`the CLI ended before the signal was sent, three times; stderr:\n${stderr}`);
    }
    const sent = Date.now();
    child.kill(signal);
    const exit = await exited;
    const temporaryFiles = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((name) =>
      name.endsWith(".tmp"),
    );
    return { ...exit, msToExit: Date.now() - sent, temporaryFiles };
  }
}

describe.concurrent("interrupting a long run", () => {
  it.runIf(existsSync("/proc/self/stat"))(
    "SIGINT while a 690 KB map of 200 layers is read and compiled: it ends within a second, nothing left behind",
    async () => {
      // The whole run takes about 1.3 s of CPU on a quiet machine: after 0.6 s the process is reading the map,
      // compiling it or writing the rules (a signal as the write ends was lost once: exit 0).
      const run = await interrupt(
        { "layers.yaml": bigMap() },
        ["compile", "-o", "rules.json"],
        "SIGINT",
        (_, pid) => cpuSeconds(pid) >= 0.6,
      );
      expect(run).toMatchObject({ code: null, signal: "SIGINT", temporaryFiles: [] });
      expect(run.msToExit).toBeLessThan(1000);
    },
    60_000,
  );

  it("SIGINT during the cruise of 3,000 modules: it ends within a second, nothing left behind", async () => {
    const run = await interrupt(
      bigTree(),
      ["check", "--progress", "--format", "json", "-o", "report.json"],
      "SIGINT",
      (stderr) => stderr.includes("resolving the imports"),
    );
    expect(run).toMatchObject({ code: null, signal: "SIGINT", temporaryFiles: [] });
    expect(run.msToExit).toBeLessThan(1000);
  }, 60_000);

  it("SIGTERM during the cruise of 3,000 modules: the same", async () => {
    const run = await interrupt(
      bigTree(),
      ["check", "--progress", "--no-cache", "--format", "json", "-o", "report.json"],
      "SIGTERM",
      (stderr) => stderr.includes("resolving the imports"),
    );
    expect(run).toMatchObject({ code: null, signal: "SIGTERM", temporaryFiles: [] });
    expect(run.msToExit).toBeLessThan(1000);
  }, 60_000);
});
