import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkReportSchema } from "../../src/domain/report/report-schema.js";
import { copyFixtureInProcess, type TempFixture } from "../helpers/temp-fixture.js";

/** The ratcheting baseline, through the CLI in process on copies of baseline-legacy. */

const RECORDED = `{
  "version": 1,
  "violations": [
    {"id":"layer-933b1deac73e","kind":"layer","from":"src/app/place-order.ts","to":"src/db/order-repository.ts","count":1},
    {"id":"layer-8f98555b0da4","kind":"layer","from":"src/http/orders-route.ts","to":"src/db/order-repository.ts","count":1},
    {"id":"unassigned-116ee60c0e3d","kind":"unassigned","from":"src/legacy-helpers.ts","to":null,"count":1}
  ]
}
`;

const NEW_VIOLATION = `import { newOrder } from "./order.js";\nimport { findOrder } from "../db/order-repository.js";\n\nexport const reorder = (id: string) => findOrder(id) ?? newOrder(id);\n`;

let project: TempFixture;
afterEach(() => project.remove());

async function recorded(): Promise<TempFixture> {
  project = copyFixtureInProcess("baseline-legacy");
  const run = await project.run("baseline");
  expect(run.status, run.stderr).toBe(0);
  return project;
}

describe("layerlint baseline", () => {
  it("records every violation as an exact, sorted entry beside the map, and says so", async () => {
    project = copyFixtureInProcess("baseline-legacy");
    const run = await project.run("baseline");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      "recorded 3 violations in layerlint-baseline.json: `layerlint check --baseline layerlint-baseline.json` now fails only on new ones\n",
    );
    expect(run.stderr).toBe("");
    expect(project.read("layerlint-baseline.json")).toBe(RECORDED);
  });

  it("writes --output FILE relative to the current folder, byte-identical across runs", async () => {
    project = copyFixtureInProcess("baseline-legacy");
    expect((await project.run("baseline", "-o", "known.json")).status).toBe(0);
    expect(project.read("known.json")).toBe(RECORDED);
    expect(existsSync(join(project.dir, "layerlint-baseline.json"))).toBe(false);
    await project.run("baseline", "-o", "known.json");
    expect(project.read("known.json")).toBe(RECORDED);
  });
});

describe("layerlint check --baseline", () => {
  it("passes when every violation is known, and says how many remain", async () => {
    const run = await (await recorded()).run("check", "--baseline", "layerlint-baseline.json");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      "baseline: 0 new, 3 known, 0 stale\n✔ no errors, 0 warnings (layer 0, package 0, private 0, context 0, unassigned 0, cycle 0, size 0) · 5 modules, 5 dependencies, 0 unresolved, 0 excluded, 0 parse errors\n",
    );
  });

  it("fails on a new violation and reports only it, at its line", async () => {
    (await recorded()).write("src/domain/reorder.ts", NEW_VIOLATION);
    const { status, report } = await project.checkJson("--baseline", "layerlint-baseline.json");
    expect(status).toBe(1);
    expect(checkReportSchema.safeParse(report).success).toBe(true);
    expect(
      report.violations.map((violation: { from: string; to: string; line: number; column: number }) => [
        violation.from,
        violation.to,
        violation.line,
        violation.column,
      ]),
    ).toEqual([["src/domain/reorder.ts", "src/db/order-repository.ts", 2, 1]]);
    expect(report.summary.violations).toEqual({
      layer: 1,
      package: 0,
      private: 0,
      context: 0,
      unassigned: 0,
      cycle: 0,
      size: 0,
    });
    expect(report.summary.baseline).toEqual({ new: 1, known: 3, stale: [], staleAction: "error" });
    expect(report.summary.failures).toBeUndefined();

    const text = await project.run("check", "--baseline", "layerlint-baseline.json");
    const [newViolation] = report.violations as { id: string }[];
    expect(text.stdout).toContain(
      `  src/domain/reorder.ts:2:1  "../db/order-repository.js"  domain → persistence (src/db/order-repository.ts)  ${newViolation?.id}\n`,
    );
    expect(text.stdout).not.toContain("src/app/place-order.ts");
    expect(text.stdout).toContain("baseline: 1 new, 3 known, 0 stale\n✖ 1 error,");
  });

  it("keeps an entry when the importing file's lines move and it is reformatted", async () => {
    (await recorded()).write(
      "src/http/orders-route.ts",
      `// Orders over HTTP.\n\nimport {placeOrder} from '../app/place-order.js'\n\n\nimport {\n  findOrder,\n} from '../db/order-repository.js'\n\nexport const getOrder = (id: string) => findOrder(id)\nexport const postOrder = (id: string) => placeOrder(id)\n`,
    );
    const { status, report } = await project.checkJson("--baseline", "layerlint-baseline.json");
    expect(status).toBe(0);
    expect(report.summary.baseline).toEqual({ new: 0, known: 3, stale: [], staleAction: "error" });
  });

  it("reports a known violation as new when it gains import statements beyond its entry's count", async () => {
    (await recorded()).write(
      "src/http/orders-route.ts",
      `${project.read("src/http/orders-route.ts")}export const lazy = () => import("../db/order-repository.js");\n`,
    );
    const { status, report } = await project.checkJson("--baseline", "layerlint-baseline.json");
    expect(status).toBe(1);
    expect(
      report.violations.map((violation: { id: string; locations: unknown[] }) => [
        violation.id,
        violation.locations.length,
      ]),
    ).toEqual([["layer-8f98555b0da4", 2]]);
    expect(report.summary.baseline.known).toBe(2);
  });

  it("reports a fixed violation's entry as stale: exit 1 by default, exit 0 with --stale-baseline warn", async () => {
    (await recorded()).write(
      "src/app/place-order.ts",
      `import { newOrder } from "../domain/order.js";\n\nexport const placeOrder = (id: string) => newOrder(id);\n`,
    );
    const stale = [
      {
        id: "layer-933b1deac73e",
        kind: "layer",
        from: "src/app/place-order.ts",
        to: "src/db/order-repository.ts",
        count: 1,
      },
    ];

    const failing = await project.checkJson("--baseline", "layerlint-baseline.json");
    expect(failing.status).toBe(1);
    expect(failing.report.violations).toEqual([]);
    expect(failing.report.summary.baseline).toEqual({ new: 0, known: 2, stale, staleAction: "error" });
    expect(failing.report.summary.failures).toEqual([
      {
        code: "stale-baseline",
        message: "1 baseline entry no longer occurs: the baseline only shrinks, rewrite it with --update-baseline",
      },
    ]);
    expect(checkReportSchema.safeParse(failing.report).success).toBe(true);
    expect((await project.run("check", "--baseline", "layerlint-baseline.json")).stdout).toBe(
      [
        "stale baseline entries error (1)",
        "  layer src/app/place-order.ts → src/db/order-repository.ts  no longer occurs (layer-933b1deac73e)",
        "",
        "baseline: 0 new, 2 known, 1 stale; stale entries fail the check: shrink the baseline with --update-baseline",
        "✖ 1 baseline entry no longer occurs: the baseline only shrinks, rewrite it with --update-baseline",
        "✖ 0 errors, 0 warnings (layer 0, package 0, private 0, context 0, unassigned 0, cycle 0, size 0) · 5 modules, 4 dependencies, 0 unresolved, 0 excluded, 0 parse errors",
        "",
      ].join("\n"),
    );

    const warned = await project.checkJson("--baseline", "layerlint-baseline.json", "--stale-baseline", "warn");
    expect(warned.status).toBe(0);
    expect(warned.report.summary.baseline).toEqual({ new: 0, known: 2, stale, staleAction: "warn" });
    expect(warned.report.summary.failures).toBeUndefined();
    expect(project.read("layerlint-baseline.json")).toBe(RECORDED);
  });

  it("--update-baseline drops stale entries, never adds new ones, and the next run passes", async () => {
    (await recorded()).write(
      "src/app/place-order.ts",
      `import { newOrder } from "../domain/order.js";\n\nexport const placeOrder = (id: string) => newOrder(id);\n`,
    );
    project.write("src/domain/reorder.ts", NEW_VIOLATION);

    const updating = await project.checkJson("--baseline", "layerlint-baseline.json", "--update-baseline");
    expect(updating.status).toBe(1);
    expect(updating.report.violations.map((violation: { from: string }) => violation.from)).toEqual([
      "src/domain/reorder.ts",
    ]);
    expect(updating.report.summary.baseline.staleAction).toBe("removed");
    expect(updating.report.summary.failures).toBeUndefined();
    expect(project.read("layerlint-baseline.json")).toBe(RECORDED.replace(/ {4}\{"id":"layer-933b1deac73e".*\n/, ""));

    project.remove();
    (await recorded()).write(
      "src/app/place-order.ts",
      `import { newOrder } from "../domain/order.js";\n\nexport const placeOrder = (id: string) => newOrder(id);\n`,
    );
    expect((await project.run("check", "--baseline", "layerlint-baseline.json", "--update-baseline")).status).toBe(0);
    const next = await project.checkJson("--baseline", "layerlint-baseline.json");
    expect(next.status).toBe(0);
    expect(next.report.summary.baseline).toEqual({ new: 0, known: 2, stale: [], staleAction: "error" });
  });

  it("with PATHS, entries of files outside them are not stale", async () => {
    await recorded();
    const { status, report } = await project.checkJson("--baseline", "layerlint-baseline.json", "src/http");
    expect(status).toBe(0);
    expect(report.summary.baseline).toEqual({ new: 0, known: 1, stale: [], staleAction: "error" });
  });
});

describe("a baseline file that cannot be used: exit 2, the file named, nothing on stdout", () => {
  const cases: [string, string | null, string][] = [
    [
      "missing",
      null,
      "layerlint: missing.json: no such baseline file: record one with `layerlint baseline` [LL-BASELINE]\n",
    ],
    [
      "not JSON",
      `{\n  "version": 1,\n  "violations": [\n    {"id": "layer-1" "kind": "layer"}\n  ]\n}\n`,
      `layerlint: broken.json:4:22: the baseline is not valid JSON: expected "," or "}" after a property value, found "\\"" [LL-BASELINE]\n`,
    ],
    [
      "cut short",
      `{"version": 1, "violations": [`,
      `layerlint: broken.json:1:31: the baseline is not valid JSON: expected a value, but the file ends [LL-BASELINE]\n`,
    ],
    [
      "of the wrong shape",
      `{"version": 1, "violations": [{"id": "layer-1", "kind": "layer", "from": "src/a.ts", "to": null, "count": 0}]}`,
      "layerlint: broken.json (violations[0].count): Too small: expected number to be >=1 [LL-BASELINE]\n",
    ],
    [
      "not a baseline at all",
      `[]`,
      'layerlint: broken.json: Invalid input: expected object, received array (a baseline is { "version": 1, "violations": [...] }: record one with `layerlint baseline`) [LL-BASELINE]\n',
    ],
    [
      "of a future version",
      `{"version": 2, "entries": []}`,
      "layerlint: broken.json (version): the baseline has version 2, written by a newer layerlint; this one reads version 1: upgrade layerlint [LL-BASELINE]\n",
    ],
  ];

  it.each(cases)("%s", async (_name, content, stderr) => {
    project = copyFixtureInProcess("baseline-legacy");
    const file = content === null ? "missing.json" : "broken.json";
    if (content !== null) project.write(file, content);
    const run = await project.run("check", "--baseline", file);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(stderr);
  });

  it("--update-baseline or --stale-baseline warn without --baseline is a usage error", async () => {
    project = copyFixtureInProcess("baseline-legacy");
    const update = await project.run("check", "--update-baseline");
    expect(update.status).toBe(2);
    expect(update.stderr).toBe("layerlint: --update-baseline needs --baseline FILE [LL-USAGE]\n");
    const warn = await project.run("check", "--stale-baseline", "warn");
    expect(warn.status).toBe(2);
    expect(warn.stderr).toBe("layerlint: --stale-baseline warn needs --baseline FILE [LL-USAGE]\n");
  });
});
