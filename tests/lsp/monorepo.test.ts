import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startLspSession, summarize, type LspSession } from "./lsp-client.js";

let session: LspSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const TIMEOUT = { timeout: 120_000 };
const ORDER = "packages/orders/src/domain/order.ts";
const INVOICE = "packages/billing/src/app/invoice.ts";
const ORDERS_MAP = "packages/orders/layers.yaml";

/** How many analyses of the map in `folder` the server has logged. */
const checksOf = (session: LspSession, folder: string) =>
  session.logs.filter((line) => line.startsWith(`layerlint: ${join(session.dir, folder, "layers.yaml")}: checked `))
    .length;

describe("layerlint lsp in a monorepo: one server, every package's map", () => {
  it("checks each package with its own map, and a map edit re-checks that package alone", TIMEOUT, async () => {
    session = await startLspSession("lsp-monorepo");
    expect(summarize(await session.waitFor(ORDER, (found) => found.length > 0))).toEqual([
      "domain-may-not-import-http@1:22",
    ]);
    const invoice = await session.waitFor(INVOICE, (found) => found.length > 0);
    expect(summarize(invoice)).toEqual(["app-may-not-import-infra@1:22"]);
    expect(invoice[0]!.message).toMatch(
      /^app may not import infra: src\/app\/invoice\.ts imports src\/infra\/mailer\.ts/,
    );
    expect(checksOf(session, "packages/billing")).toBe(1);
    expect(checksOf(session, "packages/orders")).toBe(1);
    const invoicePublications = session.publications(INVOICE);

    // A broken orders map: its problem in that map file, orders' findings gone, billing's untouched.
    const map = readFileSync(join(session.dir, ORDERS_MAP), "utf8");
    await session.open(ORDERS_MAP, map);
    await session.change(ORDERS_MAP, map.replace("mayImport: [domain]", "mayImport: [domian]"), 2);
    const problems = await session.waitFor(ORDERS_MAP, (found) => found.length > 0);
    expect(problems.map((problem) => [problem.range.start.line + 1, problem.code])).toEqual([[5, "layer-map"]]);
    expect(problems[0]!.message).toMatch(/unknown layer "domian" in mayImport of "http"/);
    expect(await session.waitFor(ORDER, (found) => found.length === 0)).toEqual([]);

    // The map widened: domain may import http, so orders is clean.
    await session.change(ORDERS_MAP, `${map}    mayImport: [http]\n`, 3);
    await session.waitFor(ORDERS_MAP, (found) => found.length === 0);
    expect(await session.waitFor(ORDER, (found) => found.length === 0)).toEqual([]);
    expect(session.publications(INVOICE)).toBe(invoicePublications);
    expect(session.diagnostics(INVOICE)).toEqual(invoice);

    // An edit in billing re-checks billing once: the orders map's edits never started a billing analysis.
    const text = readFileSync(join(session.dir, INVOICE), "utf8");
    await session.open(INVOICE, text);
    await session.change(
      INVOICE,
      text.replace('import { send } from "../infra/mailer.js";\n', "const send = String;\n"),
      2,
    );
    expect(await session.waitFor(INVOICE, (found) => found.length === 0)).toEqual([]);
    expect(checksOf(session, "packages/billing")).toBe(2);
    // Orders: the first check, the widened map's (a broken map is no check), perhaps the opening's.
    expect(checksOf(session, "packages/orders")).toBeGreaterThanOrEqual(2);
  });

  it("gives a file its nearest map's findings: a package's own map before the root's", TIMEOUT, async () => {
    session = await startLspSession("workspaces");
    const route = await session.waitFor("packages/api/src/http/orders-route.ts", (found) => found.length > 0);
    expect(summarize(route)).toEqual([
      "http-may-not-use-uninstalled-packages@1:23",
      "http-may-not-use-uninstalled-packages@4:22",
      "unresolved-import@1:1",
      "unresolved-import@1:1",
      "unresolved-import@1:1",
    ]);
    // The root map's findings there (http may not import domain) are not shown: api's map owns the file; core's
    // map leaves legacy.ts unassigned, where the root's puts it in domain.
    const legacy = await session.waitFor("packages/core/src/legacy.ts", (found) => found.length > 0);
    expect(summarize(legacy)).toEqual(["no-unassigned-files@1:1"]);
    // The quick fixes edit the owning map.
    const actions = await session.connection.sendRequest<
      { title: string; edit?: { changes: Record<string, unknown> } }[]
    >("textDocument/codeAction", {
      textDocument: { uri: session.uri("packages/api/src/http/orders-route.ts") },
      range: route[0]!.range,
      context: { diagnostics: [route[0]] },
    });
    expect(actions[0]!.title).toBe(
      "Add an exception for src/http/orders-route.ts → @acme/core to layers.yaml (fill in the reason)",
    );
    expect(Object.keys(actions[0]!.edit!.changes)).toEqual([session.uri("packages/api/layers.yaml")]);
  });
});
