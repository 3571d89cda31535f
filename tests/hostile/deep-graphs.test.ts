import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { BUILT_BIN } from "../helpers/run-built-cli.js";
import { createProject, removeProject } from "./temporary-project.js";

/**
 * Every file is a root of the cruise, so no answer may depend on how deep imports chain. dependency-cruiser
 * follows imports by recursion, and on the main thread's stack a chain of about 3,200 files overflowed it:
 * false `unresolved-import` warnings, lost violations, exit 3, a ring of 5,000 modules without its cycle.
 * The built CLI cruises in a worker thread with a deep stack (a process is the point: the stack is the
 * thread's). The 10,000- and 50,000-file cases run only with LAYERLINT_SLOW=1.
 */

const MAP = [
  "version: 1",
  "layers:",
  "  domain: { paths: [src/domain/**] }",
  "  db: { paths: [src/db/**], mayImport: [domain] }",
  "  ring: { paths: [src/ring/**] }",
  "",
].join("\n");

/** `chain` files alternating domain and db, each importing the next (every domain → db import a violation), and a ring of `ring` modules. */
function deepProject(chain: number, ring: number): string {
  const files: Record<string, string> = { "layers.yaml": MAP };
  const chainPath = (index: number) => `${index % 2 === 0 ? "domain" : "db"}/c${index}`;
  for (let index = 0; index < chain; index++) {
    files[`src/${chainPath(index)}.ts`] =
      index + 1 < chain
        ? `import { c${index + 1} } from "../${chainPath(index + 1)}.js";\nexport const c${index} = c${index + 1} + 1;\n`
        : `export const c${index} = 0;\n`;
  }
  for (let index = 0; index < ring; index++) {
    const next = (index + 1) % ring;
    files[`src/ring/r${index}.ts`] =
      `import { r${next} } from "./r${next}.js";\nexport const r${index} = () => r${next};\n`;
  }
  const root = createProject(files);
  projects.push(root);
  return root;
}

const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));

/** The built CLI, given the time a 50,000-file cruise takes on a busy machine. */
function check(root: string) {
  const run = spawnSync(process.execPath, [BUILT_BIN, "check", "--no-cache", "--format", "json"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    maxBuffer: 1024 * 1024 * 1024,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface Report {
  summary: { modules: number; dependencies: number; unresolved: number; violations: Record<string, number> };
  violations: { kind: string; rule: string; from: string; to: string; cycle?: string[] }[];
  warnings: { code: string }[];
}

function expectExact(chain: number, ring: number, runs: number): void {
  const root = deepProject(chain, ring);
  const outputs = Array.from({ length: runs }, () => check(root));
  const [first] = outputs as [ReturnType<typeof check>];
  expect(first.stderr).toBe("");
  expect(first.status).toBe(1);
  const report = JSON.parse(first.stdout) as Report;
  expect(report.summary).toMatchObject({ modules: chain + ring, dependencies: chain - 1 + ring, unresolved: 0 });
  expect(report.summary.violations).toMatchObject({ layer: Math.floor(chain / 2), cycle: ring > 0 ? 1 : 0 });
  expect(report.warnings.filter((warning) => warning.code !== "layer-matches-nothing")).toEqual([]);
  const layerViolations = report.violations
    .filter((violation) => violation.kind === "layer")
    .map(({ rule, from, to }) => `${rule} ${from} ${to}`)
    .sort();
  const expected = Array.from(
    { length: Math.floor(chain / 2) },
    (_, pair) => `domain-may-not-import-db src/domain/c${2 * pair}.ts src/db/c${2 * pair + 1}.ts`,
  ).sort();
  expect(layerViolations).toEqual(expected);
  if (ring > 0) {
    const cycles = report.violations.filter((violation) => violation.kind === "cycle");
    expect(cycles).toHaveLength(1);
    const loop = (cycles[0]?.cycle ?? []).map((path) => Number(/^src\/ring\/r(\d+)\.ts$/.exec(path)?.[1]));
    // The whole ring in import order, back to where it started.
    expect(loop).toHaveLength(ring + 1);
    expect(loop.at(-1)).toBe(loop[0]);
    const brokenSteps = loop.slice(1).filter((member, step) => member !== ((loop[step] as number) + 1) % ring);
    expect(brokenSteps).toEqual([]);
  }
  for (const output of outputs) expect(output).toEqual(first);
}

describe("import graphs deeper than the main thread's stack", () => {
  it("a chain of 4,000 files and a ring of 4,000 modules: every violation, the cycle, no false unresolved import", () => {
    expectExact(4000, 4000, 1);
  }, 300_000);
});

describe.runIf(process.env.LAYERLINT_SLOW === "1")("slow: very deep import graphs (LAYERLINT_SLOW=1)", () => {
  it("slow: a chain of 10,000 files and a ring of 10,000 modules, the same report byte for byte twice", () => {
    expectExact(10_000, 10_000, 2);
  }, 1_800_000);

  it("slow: a chain of 50,000 files, the same report byte for byte twice", () => {
    expectExact(50_000, 0, 2);
  }, 3_600_000);
});
