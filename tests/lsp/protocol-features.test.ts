import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startLspSession, summarize, type LspDiagnostic, type LspSession } from "./lsp-client.js";

let session: LspSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const TIMEOUT = { timeout: 120_000 };

interface Edit {
  range: { start: { line: number; character: number } };
  newText: string;
}

/** Applies one code action's insertions to a text, as a client would. */
function applied(text: string, edits: readonly Edit[]): string {
  const lines = text.split("\n");
  for (const edit of [...edits].reverse()) {
    const { line, character } = edit.range.start;
    const offset = lines.slice(0, line).reduce((total, current) => total + current.length + 1, 0) + character;
    text = text.slice(0, offset) + edit.newText + text.slice(offset);
  }
  return text;
}

describe("layerlint lsp: the map, hovers and code actions", () => {
  it(
    "re-checks everything on an edit of layers.yaml, and puts the map's problems in the map at the key",
    TIMEOUT,
    async () => {
      session = await startLspSession("lsp-workspace");
      await session.waitFor("src/domain/order.ts", (found) => found.length === 3);
      const map = readFileSync(join(session.dir, "layers.yaml"), "utf8");
      await session.open("layers.yaml", map);
      await session.change("layers.yaml", map.replace("    mayImport: [domain, db]", "    mayImport: [domian, db]"), 2);
      const problems = await session.waitFor("layers.yaml", (found) => found.length > 0);
      expect(
        problems.map((problem) => [problem.range.start.line + 1, problem.range.start.character + 1, problem.message]),
      ).toEqual([
        [
          6,
          17,
          '(layers.http.mayImport[0]) unknown layer "domian" in mayImport of "http"; did you mean "domain"? (layers: http, domain, db, long)',
        ],
      ]);
      expect(problems[0]!.code).toBe("layer-map");
      // A broken map leaves no stale findings behind.
      expect(await session.waitFor("src/domain/order.ts", (found) => found.length === 0)).toEqual([]);

      await session.change(
        "layers.yaml",
        map.replace('    paths: ["src/long/**"]', '    paths: ["src/long/**", "src/main.ts"]'),
        3,
      );
      await session.waitFor("layers.yaml", (found) => found.length === 0);
      expect(summarize(await session.waitFor("src/main.ts", (found) => found.length === 1))).toEqual([
        "long-may-not-import-http@1:23",
      ]);
    },
  );

  it(
    "hovers an import with both sides' layers and the explain text, and a layer name in the map with its files and importers",
    TIMEOUT,
    async () => {
      session = await startLspSession("lsp-workspace");
      await session.waitFor("src/http/route.ts", (found) => found.length === 1);
      const forbidden: any = await session.connection.sendRequest("textDocument/hover", {
        textDocument: { uri: session.uri("src/http/route.ts") },
        position: { line: 0, character: 30 },
      });
      expect(forbidden.contents.value).toContain(
        "layerlint: `src/http/route.ts` (layer **http**) → `src/db/internal/rows.ts` (layer **db**)",
      );
      expect(forbidden.contents.value).toContain(
        "private-25d1d9e809d3: src/http/route.ts imports src/db/internal/rows.ts, an internal file of db",
      );
      expect(forbidden.contents.value).toContain("what to do:");
      const allowed: any = await session.connection.sendRequest("textDocument/hover", {
        textDocument: { uri: session.uri("src/http/route.ts") },
        position: { line: 1, character: 30 },
      });
      expect(allowed.contents.value).toBe(
        "layerlint: `src/http/route.ts` (layer **http**) → `src/domain/order.ts` (layer **domain**)\n\nAllowed: domain is on layers.http.mayImport (layers.yaml:6:17).",
      );
      const outside: any = await session.connection.sendRequest("textDocument/hover", {
        textDocument: { uri: session.uri("src/http/route.ts") },
        position: { line: 3, character: 5 },
      });
      expect(outside).toBeNull();
      const layer: any = await session.connection.sendRequest("textDocument/hover", {
        textDocument: { uri: session.uri("layers.yaml") },
        position: { line: 7, character: 4 },
      });
      expect(layer.contents.value).toBe(
        "layer **domain**: 2 checked files\n\nImported by:\n- **http**: 1 import from 1 file",
      );
    },
  );

  it(
    "offers an exception, a widened mayImport and the explain text, and each edit makes the violation go away",
    TIMEOUT,
    async () => {
      session = await startLspSession("lsp-workspace");
      const order = await session.waitFor("src/domain/order.ts", (found) => found.length === 3);
      const layerViolation = order.find(
        (diagnostic) => diagnostic.code === "domain-may-not-import-http",
      ) as LspDiagnostic;
      const actions: any[] = await session.connection.sendRequest("textDocument/codeAction", {
        textDocument: { uri: session.uri("src/domain/order.ts") },
        range: layerViolation.range,
        context: { diagnostics: [layerViolation] },
      });
      expect(actions.map((action) => action.title)).toEqual([
        "Add an exception for src/domain/order.ts → src/http/route.ts to layers.yaml (fill in the reason)",
        "Widen the architecture: add http to layers.domain.mayImport",
        "Explain layer-394d0ddadd1b (layerlint explain)",
      ]);
      const map = readFileSync(join(session.dir, "layers.yaml"), "utf8");
      const mapUri = session.uri("layers.yaml");
      const withException = applied(map, actions[0].edit.changes[mapUri]);
      expect(withException).toBe(
        `${map}exceptions:\n  - from: "src/domain/order.ts"\n    to: "src/http/route.ts"\n    reason: "TODO: why this import is tolerated"\n`,
      );
      const widened = applied(map, actions[1].edit.changes[mapUri]);
      expect(widened).toContain('  domain:\n    mayImport: [http]\n    paths: ["src/domain/**"]\n');

      const explained: string = await session.connection.sendRequest("workspace/executeCommand", actions[2].command);
      expect(explained).toMatch(
        /^layer-394d0ddadd1b: domain may not import http: src\/domain\/order.ts imports src\/http\/route.ts \(error, rule domain-may-not-import-http\)\n/,
      );
      expect(session.messages).toContain(explained);

      await session.open("layers.yaml", map);
      await session.change("layers.yaml", withException, 2);
      await session.waitFor(
        "src/domain/order.ts",
        (found) => !summarize(found).includes("domain-may-not-import-http@2:28"),
      );
      await session.change("layers.yaml", widened, 3);
      const after = await session.waitFor("src/domain/order.ts", (found) => found.length === 2);
      expect(summarize(after)).toEqual(["domain-may-not-use-unlisted-builtins@1:28", "no-import-cycles@2:28"]);
    },
  );
});
