import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixturePath, type CliRun } from "../helpers/run-built-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { sharedCheckCache } from "../helpers/shared-check-cache.js";
import type { Violation } from "../../src/domain/violations/violation.js";

/** The contexts fixture through the CLI in this process: every field of every violation, and every output format. */

const FIXTURE = fixturePath("contexts");
const CACHE = sharedCheckCache();
const check = async (...args: string[]): Promise<CliRun> => await runInProcess(["check", ...args, ...CACHE], FIXTURE);
let jsonCheck: Promise<CliRun> | undefined;
/** `check --format json` on the fixture, run once for the tests that read it. */
const checkedJson = (): Promise<CliRun> => (jsonCheck ??= check("--format", "json"));

type Reported = Pick<
  Violation,
  | "kind"
  | "rule"
  | "from"
  | "to"
  | "fromLayer"
  | "toLayer"
  | "fromContext"
  | "toContext"
  | "specifier"
  | "line"
  | "column"
  | "message"
  | "fix"
>;

const PAY = "src/modules/billing/application/pay.ts";
const ACCOUNT = "src/modules/accounts/domain/account.ts";
const ORDER = "src/modules/orders/domain/order.ts";
const AUDIT = "src/shared/audit.ts";
const OPEN_ACCOUNT = "src/modules/accounts/application/open-account.ts";
const INVOICE_REF = "src/modules/billing/contracts/invoice-ref.ts";
const PLACE_ORDER = "src/modules/orders/application/place-order.ts";
const REFUND = "src/modules/billing/domain/refund.ts";

const EXPECTED: readonly Reported[] = [
  {
    kind: "layer",
    rule: "domain-may-not-import-application",
    from: REFUND,
    to: PAY,
    fromLayer: "domain",
    toLayer: "application",
    fromContext: "billing",
    toContext: "billing",
    specifier: "../application/pay.js",
    line: 1,
    column: 1,
    message: `domain may not import application in context billing: ${REFUND} imports ${PAY}`,
    fix: "domain may import kernel: reach application through one of them, or add application to layers.domain.mayImport if the map is what is wrong",
  },
  {
    kind: "layer",
    rule: "kernel-may-not-import-domain",
    from: AUDIT,
    to: ORDER,
    fromLayer: "kernel",
    toLayer: "domain",
    fromContext: null,
    toContext: "orders",
    specifier: "../modules/orders/domain/order.js",
    line: 2,
    column: 1,
    message: `kernel may not import domain: ${AUDIT} imports ${ORDER}`,
    fix: "kernel may import no other layer: move this dependency out of kernel, or add domain to layers.kernel.mayImport if the map is what is wrong",
  },
  {
    kind: "context",
    rule: "contexts-may-not-import-each-other",
    from: OPEN_ACCOUNT,
    to: INVOICE_REF,
    fromLayer: "application",
    toLayer: "contracts",
    fromContext: "accounts",
    toContext: "billing",
    specifier: "../../billing/contracts/invoice-ref.js",
    line: 3,
    column: 1,
    message: `context accounts may not import context billing: ${OPEN_ACCOUNT} imports ${INVOICE_REF}`,
    fix: "a context may import only itself, the shared kernel and what contexts.allow lists: move what accounts needs from billing into the shared kernel (src/shared/**), or add { from: accounts, to: billing } to contexts.allow if the map is what is wrong",
  },
  {
    kind: "context",
    rule: "context-billing-may-import-only-allowed-contexts",
    from: PAY,
    to: ACCOUNT,
    fromLayer: "application",
    toLayer: "domain",
    fromContext: "billing",
    toContext: "accounts",
    specifier: "../../accounts/domain/account.js",
    line: 2,
    column: 1,
    message: `context billing may not import context accounts: ${PAY} imports ${ACCOUNT}`,
    fix: "contexts.allow lets billing import only the contracts layer of accounts: go through it, or add domain to that entry's layers if the map is what is wrong",
  },
  {
    kind: "context",
    rule: "context-orders-may-import-only-allowed-contexts",
    from: PLACE_ORDER,
    to: PAY,
    fromLayer: "application",
    toLayer: "application",
    fromContext: "orders",
    toContext: "billing",
    specifier: "../../billing/application/pay.js",
    line: 2,
    column: 1,
    message: `context orders may not import context billing: ${PLACE_ORDER} imports ${PAY}`,
    fix: "a context may import only itself, the shared kernel and what contexts.allow lists: move what orders needs from billing into the shared kernel (src/shared/**), or add { from: orders, to: billing } to contexts.allow if the map is what is wrong",
  },
  {
    kind: "context",
    rule: "shared-kernel-may-not-import-contexts",
    from: AUDIT,
    to: ORDER,
    fromLayer: "kernel",
    toLayer: "domain",
    fromContext: null,
    toContext: "orders",
    specifier: "../modules/orders/domain/order.js",
    line: 2,
    column: 1,
    message: `the shared kernel may not import context orders: ${AUDIT} imports ${ORDER}`,
    fix: `every context may import the shared kernel, so it may import no context: move what it needs from orders into the shared kernel, or move ${AUDIT} into orders`,
  },
];

function essentials(violation: Reported): Reported {
  const { kind, rule, from, to, fromLayer, toLayer, fromContext, toContext, specifier, line, column, message, fix } =
    violation;
  return { kind, rule, from, to, fromLayer, toLayer, fromContext, toContext, specifier, line, column, message, fix };
}

describe("fixture contexts: modules × layers with a shared kernel", () => {
  let run: CliRun;
  let report: { summary: Record<string, unknown>; violations: Reported[]; warnings: unknown[] };
  beforeAll(async () => {
    run = await checkedJson();
    report = JSON.parse(run.stdout) as typeof report;
  });

  it("reports exactly the layer violation inside a context and every context violation, naming both files' contexts", () => {
    expect(run.status).toBe(1);
    expect(report.violations.map(essentials)).toEqual(EXPECTED);
    expect(report.warnings).toEqual([]);
  });

  it("lets billing use accounts' contracts (allow with layers), orders use all of accounts (allow without layers), and a context and the shared kernel itself", () => {
    const edges = report.violations.map((violation) => `${violation.from} → ${violation.to}`);
    expect(edges).not.toContain(`${PAY} → src/modules/accounts/contracts/account-summary.ts`);
    expect(edges).not.toContain(`${PLACE_ORDER} → ${ACCOUNT}`);
    expect(edges).not.toContain(`${PAY} → src/modules/billing/domain/invoice.ts`);
    expect(edges).not.toContain("src/modules/billing/domain/invoice.ts → src/shared/money.ts");
  });

  it("counts kind context after package, and an exception excepts a context violation like any other", () => {
    expect(report.summary.violations).toEqual({
      layer: 2,
      package: 0,
      private: 0,
      context: 4,
      unassigned: 0,
      cycle: 0,
      size: 0,
    });
    expect(report.summary.exceptions).toEqual([
      {
        from: "src/modules/accounts/http/accounts-route.ts",
        to: "src/modules/billing/http/billing-route.ts",
        reason: "the accounts page links to billing until billing has its own front end",
        until: null,
        covered: 1,
        status: "active",
      },
    ]);
  });

  it("text: a context violation reads context → context, the counts line names the kind", async () => {
    const text = (await check()).stdout;
    expect(text).toContain(
      `  ${PAY}:2:1  "../../accounts/domain/account.js"  context billing → context accounts (${ACCOUNT})  context-`,
    );
    expect(text).toContain(
      `  ${AUDIT}:2:1  "../modules/orders/domain/order.js"  shared kernel → context orders (${ORDER})  context-`,
    );
    expect(text).toContain(
      "✖ 6 errors, 0 warnings (layer 2, package 0, private 0, context 4, unassigned 0, cycle 0, size 0) · 15 modules, 23 dependencies",
    );
  });

  it("sarif, github, junit and markdown carry the context violations", async () => {
    const sarif = JSON.parse((await check("--format", "sarif")).stdout) as {
      runs: { results: { ruleId: string; properties: Record<string, unknown> }[] }[];
    };
    const result = sarif.runs[0]?.results.find(
      (candidate) => candidate.ruleId === "context-billing-may-import-only-allowed-contexts",
    );
    expect(result?.properties).toMatchObject({ kind: "context", fromContext: "billing", toContext: "accounts" });
    expect((await check("--format", "github")).stdout).toContain(
      `::error file=${PAY},line=2,col=1,title=context-billing-may-import-only-allowed-contexts::context billing may not import context accounts: ${PAY} imports ${ACCOUNT}%0Afix: contexts.allow lets billing`,
    );
    expect((await check("--format", "junit")).stdout).toContain(
      `<testcase classname="shared-kernel-may-not-import-contexts" name="${AUDIT} → ${ORDER}" file="${AUDIT}" line="2">`,
    );
    expect((await check("--format", "markdown")).stdout).toContain(
      "| 2 | 0 | 0 | 4 | 0 | 0 | 0 | 15 | 23 | 0 | 0 | 0 |",
    );
  });
});

describe("explain and doctor on a contexts map", () => {
  it("explain FILE says the file's context and what it may import across contexts, and why an import breaks a context rule", async () => {
    const run = await runInProcess(["explain", PAY], FIXTURE);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `${PAY}\n  context: billing: may import billing itself, the shared kernel, accounts (contracts)\n  layer: application, by the glob "src/modules/<context>/application/**" (layers.yaml:11:26)\n`,
    );
    expect(run.stdout).toContain(
      `    FAIL 2:1  "../../accounts/domain/account.js" → ${ACCOUNT} (domain)\n         context-billing-may-import-only-allowed-contexts: contexts.allow lets billing import only the contracts layer of accounts; ${ACCOUNT} is in domain\n`,
    );
    expect((await runInProcess(["explain", AUDIT], FIXTURE)).stdout).toContain(
      "  context: none: in the shared kernel, which every context may import and which may import no context\n",
    );
    expect((await runInProcess(["explain", "src/main.ts"], FIXTURE)).stdout).toContain(
      "  context: none: outside every context, so no context rule limits its imports\n",
    );
  });

  it("explain --violation tells a context violation's story from both files' contexts", async () => {
    const id = (
      JSON.parse((await checkedJson()).stdout) as { violations: { id: string; rule: string }[] }
    ).violations.find((violation) => violation.rule === "shared-kernel-may-not-import-contexts")?.id as string;
    const run = await runInProcess(["explain", "--violation", id], FIXTURE);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      [
        "why:",
        `  ${AUDIT}: context none: in the shared kernel, which every context may import and which may import no context`,
        `  ${ORDER}: context orders: may import orders itself, the shared kernel, accounts`,
        `  the shared kernel may import no context; ${ORDER} is in context orders, so rule shared-kernel-may-not-import-contexts forbids this import`,
        "what to do:",
      ].join("\n"),
    );
  });

  it("doctor runs on a contexts map", async () => {
    const run = await runInProcess(["doctor"], FIXTURE);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("✔ doctor: 0 errors, 0 warnings, 3 info · 6 layers, 15 checked files");
  });
});

describe("doctor on contexts that do not match the tree", () => {
  async function doctorWith(map: string): Promise<CliRun> {
    const dir = mkdtempSync(join(tmpdir(), "layerlint-contexts-"));
    cpSync(join(FIXTURE, "src"), join(dir, "src"), { recursive: true });
    writeFileSync(join(dir, "layers.yaml"), map);
    return await runInProcess(["doctor"], dir);
  }

  it("warns when contexts.pattern puts no file in a context", async () => {
    const run = await doctorWith(
      'version: 1\ncontexts:\n  pattern: "src/contexts/<context>/**"\nlayers:\n  all: { paths: ["src/**"] }\n',
    );
    expect(run.stdout).toContain(
      'warning layers.yaml:3:12  contexts.pattern "src/contexts/<context>/**" puts no checked file in a context: no context rule can fire [context-matches-nothing]\n',
    );
  });

  it("warns when contexts.allow names a context that holds no file, suggesting the closest", async () => {
    const run = await doctorWith(
      'version: 1\ncontexts:\n  pattern: "src/modules/<context>/**"\n  allow:\n    - { from: biling, to: accounts }\nlayers:\n  all: { paths: ["src/**"] }\n',
    );
    expect(run.stdout).toContain(
      'warning layers.yaml:5:15  contexts.allow names context "biling", which holds no checked file (contexts: accounts, billing, orders) [unknown-context]\n        → did you mean "billing"? write a context\'s folder name, or remove the entry\n',
    );
  });
});

describe("graph --level context", () => {
  it("draws one node per context, the shared kernel and the files in no context, with counted edges and context violations marked", async () => {
    const run = await runInProcess(["graph", "--level", "context", "--format", "json"], FIXTURE);
    expect(run.status).toBe(0);
    const graph = JSON.parse(run.stdout) as {
      level: string;
      nodes: { id: string; modules: number }[];
      edges: { from: string; to: string; imports: number; violation: boolean }[];
    };
    expect(graph.level).toBe("context");
    expect(graph.nodes.map((node) => `${node.id} ${node.modules}`)).toEqual([
      "accounts 4",
      "billing 5",
      "orders 3",
      "(shared kernel) 2",
      "(no context) 1",
    ]);
    expect(
      graph.edges.map((edge) => `${edge.from} → ${edge.to} ${edge.imports}${edge.violation ? " violation" : ""}`),
    ).toEqual([
      "accounts → billing 2 violation",
      "accounts → (shared kernel) 2",
      "billing → accounts 2 violation",
      "billing → (shared kernel) 1",
      "orders → accounts 1",
      "orders → billing 1 violation",
      "orders → (shared kernel) 1",
      "(shared kernel) → orders 1 violation",
      "(no context) → accounts 1",
      "(no context) → billing 1",
      "(no context) → orders 1",
    ]);
  });

  it("is a usage error for a map without contexts", async () => {
    const run = await runInProcess(["graph", "--level", "context"], fixturePath("small-backend"));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--level context needs contexts in the map: declare contexts.pattern");
  });

  it("contexts.public: what allow lets in reaches only the public files; an import past them is one private violation", async () => {
    const run = await check("-c", "layers.public.yaml", "--format", "json");
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { violations: Reported[] };
    const past = report.violations.filter((violation) => violation.kind === "private");
    expect(
      past.map(({ kind, rule, from, to, fromLayer, toLayer, fromContext, toContext, line, message, fix }) => ({
        kind,
        rule,
        from,
        to,
        fromLayer,
        toLayer,
        fromContext,
        toContext,
        line,
        message,
        fix,
      })),
    ).toEqual([
      {
        kind: "private",
        rule: "context-orders-may-import-only-public-files-of-accounts",
        from: PLACE_ORDER,
        to: ACCOUNT,
        fromLayer: "application",
        toLayer: "domain",
        fromContext: "orders",
        toContext: "accounts",
        line: 1,
        message: `${PLACE_ORDER} imports ${ACCOUNT}, an internal file of context accounts: import it through its public surface (src/modules/accounts/contracts/**, src/modules/accounts/index.ts)`,
        fix: "import what orders needs through the public files of accounts (src/modules/accounts/contracts/**, src/modules/accounts/index.ts), exporting it there, or widen contexts.public if the map is what is wrong",
      },
    ]);
    // billing's import of accounts' contracts is public; its import of accounts' domain stays one context violation.
    expect(report.violations.filter((violation) => violation.from === PAY).map((violation) => violation.kind)).toEqual([
      "context",
    ]);
    expect(report.violations.length).toBe(EXPECTED.length + 1);
    const text = (await check("-c", "layers.public.yaml")).stdout;
    expect(text).toContain(
      `  ${PLACE_ORDER}:1:1  "../../accounts/domain/account.js"  context orders → context accounts internals (${ACCOUNT})`,
    );
    const story = (
      await runInProcess(
        ["explain", "-c", "layers.public.yaml", "--violation", (past[0] as unknown as { id: string }).id],
        FIXTURE,
      )
    ).stdout;
    expect(story).toContain(
      "contexts.allow lets context orders import context accounts, but only its public files (contexts.public)",
    );
  });
});

describe("files beside the contexts (pattern src/<context>/**, fixture contexts-beside-files)", () => {
  const BESIDE = fixturePath("contexts-beside-files");

  it("belong to no context: src/main.ts → src/app.module.ts and app.module.ts → every context are no violations; billing → orders is", async () => {
    const run = await runInProcess(["check", "--format", "json"], BESIDE);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { violations: Violation[] };
    expect(
      report.violations.map(({ kind, rule, from, to, fromContext, toContext }) => ({
        kind,
        rule,
        from,
        to,
        fromContext,
        toContext,
      })),
    ).toEqual([
      {
        kind: "context",
        rule: "contexts-may-not-import-each-other",
        from: "src/billing/invoice.ts",
        to: "src/orders/order.ts",
        fromContext: "billing",
        toContext: "orders",
      },
    ]);
  });
});
