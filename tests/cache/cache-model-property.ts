import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BASE_TSCONFIG, createCacheProjectPool, PACKAGE_JSON, TSCONFIG, type CacheProject } from "./cache-model.js";

/**
 * Model-based: random sequences of file-system events on a small project, and after each one the check
 * through the cache must print exactly what a cold check prints. The model holds nothing: every event
 * can happen in any state (a removed file removed again is a no-op), and the cold check is the oracle.
 */

/** Paths relative to the temporary folder holding `project/` (the map's folder) and `outside/`. */
const SOURCES = [
  "project/src/http/route.ts",
  "project/src/http/extra.ts",
  "project/src/domain/users.ts",
  "project/src/domain/extra.ts",
  "project/src/domain/clock.ts",
  "project/src/db/repo.ts",
  "project/lib/real.ts",
  "project/lib/extra.ts",
  "outside/real.ts",
  "outside/lib/real.ts",
];
const SPECIFIERS = [
  "../domain/users.js",
  "../domain/extra.js",
  "../db/repo.js",
  "../http/extra.js",
  "./linked.js",
  "./extra.js",
  "./libdir/real.js",
  "@lib/real",
  "#clock",
  "../../lib/real.js",
  "../../../outside/real.js",
  "left-pad",
];
const LINKS = ["project/src/http/linked.ts", "project/src/domain/linked.ts", "project/src/http/libdir"];
const LINK_TARGETS = [
  "../../lib/real.ts",
  "../../../outside/real.ts",
  "../domain/users.ts",
  "../../lib",
  "../../../outside",
  "missing.ts",
];
const ALIAS_TARGETS = ["lib/*", "src/db/*", "src/domain/*", "../outside/*"];
const NOISE = ["project/notes.txt", "project/dist/x.js", "outside/notes.txt", "project/lib/notes.md"];

type Model = object;

/**
 * Longer than a tick of the coarsest file-system clock Linux keeps (10 ms at HZ=100): a write after a check
 * never shares a time stamp with a write before it, which the cache's trust delay guarantees outside tests.
 */
const EVENT_GAP_MS = 12;
type Command = fc.AsyncCommand<Model, CacheProject>;

const source = (imports: readonly string[]) =>
  `${imports.map((specifier) => `import "${specifier}";\n`).join("")}export const value = ${imports.length};\n`;

class Event implements Command {
  constructor(
    private readonly label: string,
    private readonly apply: (project: CacheProject) => void,
  ) {}
  check = () => true;
  async run(_model: Model, project: CacheProject): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, EVENT_GAP_MS));
    this.apply(project);
    const { cached, cold } = await project.compare();
    expect({ status: cached.status, report: cached.stdout }, `after ${this.label}`).toEqual({
      status: cold.status,
      report: cold.stdout,
    });
  }
  toString = () => this.label;
}

/** Weighted towards the events that change how an unchanged import resolves. */
const events: fc.Arbitrary<Command>[] = [
  fc
    .tuple(fc.constantFrom(...SOURCES), fc.uniqueArray(fc.constantFrom(...SPECIFIERS), { maxLength: 3 }))
    .map(
      ([path, imports]) =>
        new Event(`write ${path} importing [${imports.join(", ")}]`, (p) => p.write(path, source(imports))),
    ),
  fc.constantFrom(...SOURCES, ...LINKS).map((path) => new Event(`remove ${path}`, (p) => p.remove(path))),
  fc
    .constantFrom("outside/real.ts", "project/src/http/extra.ts", "project/src/db/extra.ts")
    .map((path) => new Event(`add ${path}`, (p) => p.write(path, source([])))),
  fc
    .tuple(fc.constantFrom(...SOURCES), fc.constantFrom(...SOURCES))
    .filter(([from, to]) => from !== to)
    .map(([from, to]) => new Event(`rename ${from} to ${to}`, (p) => p.rename(from, to))),
  ...[1, 2].map(() =>
    fc
      .tuple(fc.constantFrom(...LINKS), fc.constantFrom(...LINK_TARGETS))
      .map(([path, target]) => new Event(`link ${path} -> ${target}`, (p) => p.link(path, target))),
  ),
  fc
    .tuple(fc.constantFrom("base", "base", "other"), fc.constantFrom(...ALIAS_TARGETS))
    .map(
      ([config, target]) =>
        new Event(`paths @lib/* -> ${target} in configs/${config}.json`, (p) =>
          p.write(`project/configs/${config}.json`, BASE_TSCONFIG(target)),
        ),
    ),
  fc
    .constantFrom<string | string[]>("./configs/base.json", "./configs/other.json", [
      "./configs/other.json",
      "./configs/base.json",
    ])
    .map(
      (extended) =>
        new Event(`tsconfig extends ${JSON.stringify(extended)}`, (p) =>
          p.write("project/tsconfig.json", TSCONFIG(extended)),
        ),
    ),
  fc
    .constantFrom("./src/domain/clock.ts", "./src/db/repo.ts", "./lib/real.ts", "./src/http/extra.ts")
    .map(
      (target) =>
        new Event(`package.json #clock -> ${target}`, (p) => p.write("project/package.json", PACKAGE_JSON(target))),
    ),
  fc.constantFrom(...NOISE).map((path) => new Event(`write ${path}`, (p) => p.write(path, "noise\n"))),
];

/** One run of the property: `runs` sequences of up to `maxCommands` events from `seed`. */
export interface ModelRuns {
  readonly seed: number;
  readonly runs: number;
  readonly maxCommands: number;
  /** False skips the test (shown as skipped), for the slow tier's shards outside `LAYERLINT_SLOW=1`. */
  readonly enabled?: boolean;
}

/** Declares the property's test for one set of runs: the fast tier's 100 or a shard of the slow tier's 1,000. */
export function describeCacheModel(title: string, { seed, runs, maxCommands, enabled = true }: ModelRuns): void {
  describe("the cache against a cold run, over random sequences of file-system events", () => {
    it.runIf(enabled)(
      `prints what --no-cache prints after every event (${title}: ${runs} sequences of up to ${maxCommands} events, seed ${seed})`,
      async () => {
        const pool = createCacheProjectPool();
        const started = performance.now();
        try {
          await fc.assert(
            fc.asyncProperty(fc.commands(events, { maxCommands }), async (commands) => {
              const project = await pool.next();
              await fc.asyncModelRun(() => ({ model: {}, real: project }), commands);
            }),
            { seed, numRuns: runs, endOnFailure: true },
          );
        } finally {
          pool.dispose();
        }
        if (process.env.LAYERLINT_MODEL_STATS === "1")
          console.log(
            `${runs} sequences in ${((performance.now() - started) / 1000).toFixed(1)} s: ${pool.stats.cold} cold checks, ${pool.stats.reused} cold answers reused`,
          );
      },
      runs * maxCommands * 2_000,
    );
  });
}
