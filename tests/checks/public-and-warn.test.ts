import { afterEach, describe, expect, it } from "vitest";
import { fixturePath } from "../helpers/run-built-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { copyFixtureInProcess, type TempFixture } from "../helpers/temp-fixture.js";

/** `public` globs (kind private) and `{ layer, severity: warn }` allowances through the CLI in process: exit codes, text, explain, doctor. */

const lines = (...text: string[]) => `${text.join("\n")}\n`;
const inFixture = async (name: string, ...args: string[]) => await runInProcess(args, fixturePath(name));

let project: TempFixture | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

describe("warn allowance", () => {
  it("reports the tolerated import as a warn violation and exits 0; --max-warnings 0 makes it fail; --quiet hides it", async () => {
    const run = await inFixture("warn-allowance", "check");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      lines(
        "http-may-not-import-db warn (1)",
        '  src/http/orders-route.ts:2:1  "../db/orders-table.js"  http → db (src/db/orders-table.ts)  layer-f1774ef0b474',
        "    fix: the map tolerates this while a migration is in progress (orders-route still reads the table until the order service exists): reach db through domain, then remove { layer: db, severity: warn } from layers.http.mayImport",
        "",
        "✔ no errors, 1 warning (layer 1, package 0, private 0, context 0, unassigned 0, cycle 0, size 0) · 3 modules, 2 dependencies, 0 unresolved, 0 excluded, 0 parse errors",
      ),
    );
    const strict = await inFixture("warn-allowance", "check", "--max-warnings", "0");
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain("✖ 1 warning exceeds --max-warnings 0");
    const quiet = await inFixture("warn-allowance", "check", "--quiet");
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).not.toContain("http-may-not-import-db");
  });

  it("explain LAYER_A LAYER_B says the pair is tolerated, with the reason and the line", async () => {
    const run = await inFixture("warn-allowance", "explain", "http", "db");
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe(
      "http → db: not allowed: db is not allowed, but layers.http.mayImport tolerates it at severity warn (orders-route still reads the table until the order service exists): its imports are reported without failing the check (layers.yaml:7:9)",
    );
  });

  it("doctor: a warn allowance no import needs any more is a finished migration, at its line", async () => {
    project = copyFixtureInProcess("warn-allowance");
    project.write(
      "src/http/orders-route.ts",
      'import type { Order } from "../domain/order.js";\n\nexport const listOrders = (): Order[] => [];\n',
    );
    const run = await project.run("doctor");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "info    layers.yaml:7:9  http tolerates db at severity warn, but no file of http imports it any more: the migration is done [unused-may-import]",
    );
  });
});

describe("public entry points", () => {
  it("exits 1 on a private violation and names the layer's internals in the text report", async () => {
    const run = await inFixture("public-entry-points", "check");
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      lines(
        "payments-internals-are-private error (2)",
        '  src/http/refund-route.ts:3:1  "../payments/internal/ledger.js"  http → payments internals (src/payments/internal/ledger.ts)  private-94239e77ad29',
      ),
    );
    expect(run.stdout).toContain(
      "✖ 4 errors, 0 warnings (layer 2, package 0, private 2, context 0, unassigned 0, cycle 0, size 0)",
    );
  });

  it("is clean when every import of an allowed layer goes through the public files", async () => {
    project = copyFixtureInProcess("public-entry-points");
    project.write(
      "src/http/refund-route.ts",
      'import { refund } from "../payments/index.js";\nimport type { RefundRequest } from "../payments/refunds/refund.contract.js";\n\nexport const refundRoute = (body: RefundRequest): boolean => refund(body);\n',
    );
    project.write(
      "src/jobs/nightly-settlement.ts",
      'import { ledgerRows } from "../db/ledger-table.js";\n\nexport const settle = (): number => ledgerRows.length;\n',
    );
    project.write("src/http/cron/retry-payouts.ts", "export const retry = (): void => undefined;\n");
    const { status, report } = await project.checkJson();
    expect(report.violations).toEqual([]);
    expect(status).toBe(0);
  });

  it("explain --violation tells the story of a private violation, pointing at the public key", async () => {
    const run = await inFixture("public-entry-points", "explain", "--violation", "private-94239e77ad29");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      lines(
        "  http may import payments, but only its public files (src/payments/index.ts, src/payments/**/*.contract.ts); src/payments/internal/ledger.ts is not one, so rule payments-internals-are-private forbids this import (layers.yaml:12:13)",
        "what to do:",
        "  import what http needs through a public file of payments, exporting it there if it is meant to be used from outside",
        "  or, if the map is what is wrong, add src/payments/internal/ledger.ts to layers.payments.public (layers.yaml:12:13)",
      ),
    );
  });

  it("a public glob that matches no file of its layer: a check warning and a doctor finding at its line", async () => {
    project = copyFixtureInProcess("public-entry-points");
    project.write(
      "layers.yaml",
      project
        .read("layers.yaml")
        .replace('"src/payments/**/*.contract.ts"]', '"src/payments/**/*.contract.ts", "src/payments/api.ts"]'),
    );
    const { report } = await project.checkJson();
    expect(report.warnings).toContainEqual({
      code: "glob-matches-nothing",
      message:
        'public glob "src/payments/api.ts" of layer payments matches no file of payments: nothing can be imported through it',
    });
    expect((await project.run("doctor")).stdout).toContain(
      'warning layers.yaml:12:72  public glob "src/payments/api.ts" of layer payments matches no checked file of payments: nothing can be imported through it [glob-matches-nothing]',
    );
  });
});
