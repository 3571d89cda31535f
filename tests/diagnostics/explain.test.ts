import { describe, expect, it } from "vitest";
import { fixturePath } from "../helpers/run-built-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

/** `layerlint explain` through the built CLI, on small-backend (one violation of each kind) and doctor-clean (a clean chain). */

const lines = (...text: string[]) => `${text.join("\n")}\n`;

describe("layerlint explain FILE", () => {
  it("names the layer and its glob, what the file may import, and a verdict with the rule behind each import", async () => {
    const run = await runInProcess(["explain", "src/http/users-route.ts"], fixturePath("small-backend"));
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      lines(
        "src/http/users-route.ts",
        '  layer: transport, by the glob "src/http/**" (layers.yaml:5:13)',
        "  may import: transport itself, domain",
        "  may use: express, node:*",
        "  imports (3):",
        '    ok   1:1  "express" → express',
        '         "express" is on layers.transport.packages (layers.yaml:7:16)',
        '    FAIL 2:1  "../db/user-repository.js" → src/db/user-repository.ts (persistence)',
        "         transport-may-not-import-persistence: persistence is not on layers.transport.mayImport (layers.yaml:6:16)",
        '    ok   3:1  "../domain/user.js" → src/domain/user.ts (domain)',
        "         domain is on layers.transport.mayImport (layers.yaml:6:17)",
      ),
    );
  });

  it("says why no layer claims a file", async () => {
    const run = await runInProcess(["explain", "src/main.ts"], fixturePath("small-backend"));
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      lines(
        "src/main.ts",
        "  layer: none: no glob of any layer matches it (layers: transport, domain, persistence)",
        "  suggestion: no import to or from a layer decides where this code belongs",
        "  imports: none",
      ),
    );
  });

  it("exits 2 for a file that does not exist", async () => {
    const run = await runInProcess(["explain", "src/nope.ts"], fixturePath("small-backend"));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "layerlint: src/nope.ts is not a file; explain takes a FILE, two layers (explain A B) or --violation ID [LL-USAGE]\n",
    );
  });
});

describe("layerlint explain LAYER_A LAYER_B", () => {
  it("says the edge is forbidden by which line, and lists every import from A to B", async () => {
    const run = await runInProcess(["explain", "transport", "persistence"], fixturePath("small-backend"));
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      lines(
        "transport → persistence: not allowed: layers.transport.mayImport lists domain; persistence is not among them (layers.yaml:6:16)",
        "imports from transport to persistence (1) (each is a violation):",
        '  src/http/users-route.ts:2:1  "../db/user-repository.js" → src/db/user-repository.ts',
      ),
    );
  });

  it("shows the shortest import chain when A reaches B only indirectly", async () => {
    const run = await runInProcess(["explain", "http", "domain"], fixturePath("doctor-clean"));
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      lines(
        "http → domain: not allowed: layers.http.mayImport lists app; domain is not among them (layers.yaml:6:16)",
        "no file of http imports a file of domain",
        "http reaches domain indirectly, shortest chain (2 imports):",
        '  src/http/server.ts:2:1  "../app/greet.js" → src/app/greet.ts',
        '  src/app/greet.ts:1:1  "../domain/name.js" → src/domain/name.ts',
      ),
    );
  });

  it("names the allowing line for an allowed edge, and says when B is not reached at all", async () => {
    expect((await runInProcess(["explain", "http", "app"], fixturePath("doctor-clean"))).stdout).toBe(
      lines(
        "http → app: allowed: app is on layers.http.mayImport (layers.yaml:6:17)",
        "imports from http to app (1):",
        '  src/http/server.ts:2:1  "../app/greet.js" → src/app/greet.ts',
      ),
    );
    expect((await runInProcess(["explain", "domain", "http"], fixturePath("doctor-clean"))).stdout).toBe(
      lines(
        "domain → http: not allowed: domain may import no other layer (mayImport is empty or absent) (layers.yaml:11:3)",
        "no file of domain imports a file of http",
        "domain does not reach http through other files either",
      ),
    );
  });

  it("exits 2 for an unknown layer, suggesting the closest name", async () => {
    const run = await runInProcess(["explain", "transport", "persistance"], fixturePath("small-backend"));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'layerlint: unknown layer "persistance"; did you mean "persistence"? (layers: transport, domain, persistence) [LL-USAGE]\n',
    );
  });
});

describe("layerlint explain --violation ID", () => {
  it("tells the story of a layer violation from the id check prints, ending in what to do", async () => {
    const check = JSON.parse(
      (await runInProcess(["check", "--format", "json"], fixturePath("small-backend"))).stdout,
    ) as {
      violations: { id: string }[];
    };
    const id = check.violations[0]?.id as string;
    const run = await runInProcess(["explain", "--violation", id], fixturePath("small-backend"));
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      lines(
        `${id}: transport may not import persistence: src/http/users-route.ts imports src/db/user-repository.ts (error, rule transport-may-not-import-persistence)`,
        '  src/http/users-route.ts:2:1  "../db/user-repository.js"',
        '    also at 9:37  "../db/user-repository.js"',
        "why:",
        '  src/http/users-route.ts is in transport, by the glob "src/http/**" (layers.yaml:5:13)',
        '  src/db/user-repository.ts is in persistence, by the glob "src/db/**" (layers.yaml:12:13)',
        "  transport may import domain; persistence is not among them, so rule transport-may-not-import-persistence forbids this import (layers.yaml:6:16)",
        "what to do:",
        "  no layer that transport may import reaches persistence: move the code that needs persistence out of transport, into a layer that may import persistence, or pass it in from the composition root",
        "  or, if the map is what is wrong, add persistence to layers.transport.mayImport (layers.yaml:6:16)",
      ),
    );
  });

  it("names the layers that may use a package a violation needs", async () => {
    const run = await runInProcess(["explain", "--violation", "package-79a9316b4175"], fixturePath("small-backend"));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "  move the code that needs zod to a layer that may use it (persistence) and call it from domain through an allowed import\n",
    );
    expect(run.stdout).toContain(
      '  or, if the map is what is wrong, add "zod" to layers.domain.packages (layers.yaml:10:15)\n',
    );
  });

  it("exits 2 for an id this check does not find, listing the ids it does", async () => {
    const run = await runInProcess(["explain", "--violation", "layer-000000000000"], fixturePath("small-backend"));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'layerlint: no violation with id "layer-000000000000" (ids of this check: layer-96994ad2aa5f, package-79a9316b4175, unassigned-3a82e5ed2b4f; `layerlint check --format json` lists them) [LL-USAGE]\n',
    );
  });

  it("exits 2 when given no target, or both a target and --violation", async () => {
    for (const args of [["explain"], ["explain", "src/main.ts", "--violation", "x"], ["explain", "a", "b", "c"]]) {
      const run = await runInProcess(args, fixturePath("small-backend"));
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        "layerlint: explain takes a FILE, two layers (explain LAYER_A LAYER_B), or --violation ID alone [LL-USAGE]\n",
      );
    }
  });
});
