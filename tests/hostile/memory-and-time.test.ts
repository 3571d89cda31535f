import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { BUILT_BIN } from "../helpers/run-built-cli.js";
import { createProject, removeProject, STACK_FRAME, TWO_LAYERS_MAP, TWO_LAYERS_SOURCES } from "./temporary-project.js";

/**
 * The bound, measured rather than imposed: each hostile repository is answered by the built CLI
 * (`npm run build` first) within 500 MB of resident memory and a few seconds of CPU. A V8 heap flag would
 * not prove it (a /dev/zero read grows buffers outside the heap), so the run has no flag: a preload
 * records the peak resident memory of the whole process at exit, and a watchdog kills a run that passes
 * 1 GiB or a minute, which then fails for having no record.
 */

const PRELOAD = fileURLToPath(new URL("./record-resource-usage.mjs", import.meta.url));
const MAX_MIB = 500;
const MAX_CPU_SECONDS = 5;
const WATCHDOG_MIB = 1024;
const WATCHDOG_MS = 60_000;

const folders: string[] = [];
afterAll(() => folders.forEach(removeProject));

interface Measured {
  readonly status: number | null;
  readonly stderr: string;
  readonly peakMiB: number;
  readonly cpuSeconds: number;
  readonly killed: string | null;
}

/** Resident memory of a running process, from /proc; 0 once it is gone. */
function residentMiB(pid: number): number {
  try {
    const line = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return line === null ? 0 : Number(line[1]) / 1024;
  } catch {
    return 0;
  }
}

async function measure(args: readonly string[], cwd: string): Promise<Measured> {
  const record = join(cwd, "..", `usage-${folders.length}-${Date.now()}.json`);
  const child = spawn(process.execPath, ["--import", PRELOAD, BUILT_BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", LAYERLINT_RESOURCE_FILE: record },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
  let killed: string | null = null;
  const watchdog = setInterval(() => {
    if (residentMiB(child.pid as number) > WATCHDOG_MIB) killed = `over ${WATCHDOG_MIB} MiB`;
    if (killed !== null) child.kill("SIGKILL");
  }, 25);
  const timer = setTimeout(() => {
    killed = `still running after ${WATCHDOG_MS / 1000} s`;
    child.kill("SIGKILL");
  }, WATCHDOG_MS);
  const status = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  clearInterval(watchdog);
  clearTimeout(timer);
  const usage = killed === null ? (JSON.parse(readFileSync(record, "utf8")) as Omit<Measured, "status">) : null;
  return {
    status,
    stderr: stderr.replaceAll(cwd, "<root>"),
    peakMiB: usage?.peakMiB ?? Infinity,
    cpuSeconds: usage?.cpuSeconds ?? Infinity,
    killed,
  };
}

/** A two-layer project in `repo/` (a git repository) of a fresh temporary folder, with extra files. */
function repository(files: Record<string, string> = {}, map = TWO_LAYERS_MAP): string {
  const entries = { ...TWO_LAYERS_SOURCES, "layers.yaml": map, ".git/HEAD": "ref: refs/heads/main\n", ...files };
  const folder = createProject(
    Object.fromEntries(Object.entries(entries).map(([path, text]) => [`repo/${path}`, text])),
  );
  folders.push(folder);
  return join(folder, "repo");
}

function link(root: string, path: string, target: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  symlinkSync(target, join(root, path));
}

function fifo(root: string, path: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  expect(spawnSync("mkfifo", [join(root, path)]).status).toBe(0);
}

interface HostileCase {
  readonly name: string;
  readonly args: readonly string[];
  readonly make: () => string;
  readonly status: number;
  readonly stderr: RegExp;
}

const NOT_REGULAR = /not a regular file \(a (device|named pipe)\)/;

const CASES: readonly HostileCase[] = [
  {
    name: "the tsconfig a link to /dev/zero (read with --allow-outside)",
    args: ["check", "--no-cache", "--allow-outside"],
    make: () => {
      const root = repository({}, `${TWO_LAYERS_MAP}tsconfig: tsconfig.json\n`);
      link(root, "tsconfig.json", "/dev/zero");
      return root;
    },
    status: 2,
    stderr: NOT_REGULAR,
  },
  {
    name: "a tsconfig extends of a link to /dev/zero",
    args: ["check", "--no-cache", "--allow-outside"],
    make: () => {
      const root = repository({ "tsconfig.json": '{ "extends": "./configs/base.json" }' });
      link(root, "configs/base.json", "/dev/zero");
      return root;
    },
    status: 2,
    stderr: NOT_REGULAR,
  },
  {
    name: "a named pipe as tsconfig.json",
    args: ["check", "--no-cache"],
    make: () => {
      const root = repository();
      fifo(root, "tsconfig.json");
      return root;
    },
    status: 2,
    stderr: NOT_REGULAR,
  },
  {
    name: "the root package.json a link to /dev/zero, through the cache",
    args: ["check"],
    make: () => {
      const root = repository();
      link(root, "package.json", "/dev/zero");
      return root;
    },
    status: 2,
    stderr: NOT_REGULAR,
  },
  {
    name: "an installed dependency's package.json a link to /dev/zero",
    args: ["check", "--no-cache"],
    make: () => {
      const root = repository({
        "src/a/a.ts": 'import dep from "dep";\nexport const a = dep;\n',
        "node_modules/dep/index.js": "module.exports = 1;\n",
      });
      link(root, "node_modules/dep/package.json", "/dev/zero");
      return root;
    },
    status: 2,
    stderr: NOT_REGULAR,
  },
  {
    name: "the layer map a link to /dev/zero",
    args: ["check", "--config", "zero.yaml"],
    make: () => {
      const root = repository();
      link(root, "zero.yaml", "/dev/zero");
      return root;
    },
    status: 2,
    stderr: NOT_REGULAR,
  },
  {
    name: "sources that are a link to /dev/zero, a named pipe, a 50 MB file and one imported by name",
    args: ["check"],
    make: () => {
      const root = repository({
        "src/a/huge.ts": `export const big = "${"x".repeat(50 * 1024 * 1024)}";\n`,
        "src/b/b.ts":
          'import { a } from "../a/a.js";\nimport "../a/zero.js";\nimport "../a/pipe.js";\nexport const b = a;\n',
      });
      link(root, "src/a/zero.ts", "/dev/zero");
      fifo(root, "src/a/pipe.ts");
      return root;
    },
    status: 0,
    stderr: /^$/,
  },
  {
    name: "a named pipe as the baseline",
    args: ["check", "--baseline", "baseline.json"],
    make: () => {
      const root = repository();
      fifo(root, "baseline.json");
      return root;
    },
    status: 2,
    stderr: NOT_REGULAR,
  },
  {
    name: "a glob 5,000 braces deep",
    args: ["check"],
    make: () =>
      repository({}, `version: 1\nlayers:\n  a:\n    paths: ["src/${"{".repeat(5000)}a${"}".repeat(5000)}/**"]\n`),
    status: 2,
    stderr: /invalid glob/,
  },
];

describe(`each hostile repository is answered within ${MAX_MIB} MB and ${MAX_CPU_SECONDS} s of CPU`, () => {
  it.each(CASES)("$name", async ({ args, make, status, stderr }) => {
    const run = await measure(args, make());
    expect({ status: run.status, killed: run.killed }, run.stderr).toEqual({ status, killed: null });
    expect(run.stderr).toMatch(stderr);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.peakMiB).toBeLessThan(MAX_MIB);
    expect(run.cpuSeconds).toBeLessThan(MAX_CPU_SECONDS);
    if (process.env.LAYERLINT_RESOURCE_REPORT === "1")
      console.log(`${run.peakMiB.toFixed(0)} MiB, ${run.cpuSeconds.toFixed(2)} s CPU`);
  });
});
