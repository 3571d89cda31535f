import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { editCacheFile } from "../helpers/cache-files.js";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { startLspSession, summarize, type LspSession } from "./lsp-client.js";

let session: LspSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe("layerlint lsp over stdio", () => {
  it("publishes every kind of violation at the import's specifier, with the rule, the fix and a link", async () => {
    session = await startLspSession("lsp-workspace");
    const order = await session.waitFor("src/domain/order.ts", (found) => found.length > 0);
    expect(summarize(order)).toEqual([
      "domain-may-not-import-http@2:28",
      "domain-may-not-use-unlisted-builtins@1:28",
      "no-import-cycles@2:28",
    ]);
    const layer = order.find((diagnostic) => diagnostic.code === "domain-may-not-import-http")!;
    expect(layer.range).toEqual({ start: { line: 1, character: 27 }, end: { line: 1, character: 45 } });
    expect(layer.severity).toBe(1);
    expect(layer.message).toBe(
      "domain may not import http: src/domain/order.ts imports src/http/route.ts\nfix: domain may import no other layer: move this dependency out of domain, or add http to layers.domain.mayImport if the map is what is wrong",
    );
    expect(layer.codeDescription?.href).toBe("https://www.npmjs.com/package/layerlint#what-is-a-violation");
    expect(order.find((diagnostic) => diagnostic.code === "no-import-cycles")!.severity).toBe(2);
    expect(summarize(await session.waitFor("src/http/route.ts", () => true))).toEqual([
      "db-internals-are-private@1:26",
    ]);
    expect(summarize(await session.waitFor("src/main.ts", () => true))).toEqual(["no-unassigned-files@1:1"]);
    expect(summarize(await session.waitFor("src/long/big.ts", () => true))).toEqual(["max-lines@1:1"]);
  });

  it("publishes context violations", async () => {
    session = await startLspSession("contexts");
    const pay = await session.waitFor("src/modules/billing/application/pay.ts", (found) => found.length > 0);
    expect(summarize(pay)).toEqual(["context-billing-may-import-only-allowed-contexts@2:24"]);
  });

  it("checks the unsaved text on every change, and the other files whose verdict it changes", async () => {
    session = await startLspSession("lsp-workspace");
    await session.waitFor("src/domain/order.ts", (found) => found.length === 3);
    const text = readFileSync(join(session.dir, "src/domain/order.ts"), "utf8");
    await session.open("src/domain/order.ts", text);
    await session.change(
      "src/domain/order.ts",
      text.replace('import type { route } from "../http/route.js";\n', ""),
      2,
    );
    const order = await session.waitFor("src/domain/order.ts", (found) => found.length === 1);
    expect(summarize(order)).toEqual(["domain-may-not-use-unlisted-builtins@1:28"]);
    // The file on disk is unchanged: only the editor's text counts.
    expect(readFileSync(join(session.dir, "src/domain/order.ts"), "utf8")).toBe(text);

    // Dropping route.ts's import of order.ts opens the loop: order.ts, never touched, loses its cycle.
    const route = readFileSync(join(session.dir, "src/http/route.ts"), "utf8");
    await session.open("src/http/route.ts", route);
    await session.change(
      "src/http/route.ts",
      'import { readRows } from "../db/internal/rows.js";\n\nexport const route = () => readRows().length;\n',
      2,
    );
    const reopened = await session.waitFor(
      "src/domain/order.ts",
      (found) => !summarize(found).some((code) => code.startsWith("no-import-cycles")),
    );
    expect(summarize(reopened)).toEqual(["domain-may-not-use-unlisted-builtins@1:28"]);
  });

  it("starts from the cache a check wrote, its cycles from the stored loops, and a change still opens the loop", async () => {
    session = await startLspSession("lsp-workspace", {
      prepare(dir) {
        expect(runBuiltCli(["check"], dir).status).toBe(1);
        // The stored loop's id changed by hand (checksum kept): a server that shows it built the cycle from the store.
        editCacheFile(dir, ".cycles.json", (value: { loops: [string, number[]][] }) => ({
          ...value,
          loops: value.loops.map(([, members]) => ["cycle-from-the-store", members]),
        }));
      },
    });
    const order = await session.waitFor("src/domain/order.ts", (found) => found.length === 3);
    const cycleOf = (found: readonly { code: string; data?: { violationId: string | null } }[]) =>
      found.find((diagnostic) => diagnostic.code === "no-import-cycles")?.data?.violationId;
    expect(cycleOf(order)).toBe("cycle-from-the-store");
    const route = readFileSync(join(session.dir, "src/http/route.ts"), "utf8");
    await session.open("src/http/route.ts", route);
    await session.change(
      "src/http/route.ts",
      'import { readRows } from "../db/internal/rows.js";\nexport const r = readRows;\n',
      2,
    );
    await session.waitFor("src/domain/order.ts", (found) => cycleOf(found) === undefined);
    await session.change("src/http/route.ts", route, 3);
    const closed = await session.waitFor("src/domain/order.ts", (found) => cycleOf(found) !== undefined);
    expect(cycleOf(closed)).toMatch(/^cycle-[0-9a-f]{12}$/);
  });

  it("picks up files changed on disk through watched-file notifications", async () => {
    session = await startLspSession("lsp-workspace");
    await session.waitFor("src/main.ts", (found) => found.length === 1);
    const main = join(session.dir, "src/main.ts");
    writeFileSync(main, 'import "./db/internal/rows.js";\n');
    await session.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: pathToFileURL(main).href, type: 2 }],
    });
    const route = await session.waitFor("src/http/route.ts", () => true);
    expect(route).toBeDefined();
    const found = await session.waitFor("src/main.ts", (diagnostics) => diagnostics.length === 1);
    expect(summarize(found)).toEqual(["no-unassigned-files@1:1"]);
  });

  it("lists a file created on disk and forgets it once deleted (watched-file notifications)", async () => {
    session = await startLspSession("lsp-workspace");
    await session.waitFor("src/main.ts", (found) => found.length === 1);
    const created = join(session.dir, "src/domain/created.ts");
    writeFileSync(created, 'import { route } from "../http/route.js";\nexport const again = route;\n');
    await session.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: pathToFileURL(created).href, type: 1 }],
    });
    const found = await session.waitFor("src/domain/created.ts", (diagnostics) => diagnostics.length > 0);
    expect(summarize(found)).toContain("domain-may-not-import-http@1:23");
    rmSync(created);
    await session.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: pathToFileURL(created).href, type: 3 }],
    });
    expect(await session.waitFor("src/domain/created.ts", (diagnostics) => diagnostics.length === 0)).toEqual([]);
  });
});
