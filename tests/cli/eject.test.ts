import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixturePath } from "../helpers/run-built-cli.js";
import { depcruiseViolations } from "../helpers/raw-dependency-cruiser.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { sharedCheckCache } from "../helpers/shared-check-cache.js";

const CACHE = sharedCheckCache();
const ejected = mkdtempSync(join(tmpdir(), "layerlint-eject-"));
afterAll(() => rmSync(ejected, { recursive: true, force: true }));
let ejections = 0;

/** Raw dependency-cruiser (its own API, as its CLI calls it) on the configuration `layerlint compile` ejects. */
async function ejectAndCruise(cwd: string, format: "json" | "cjs", mapArgs: readonly string[]) {
  const config = join(ejected, `dependency-cruiser-${++ejections}.${format}`);
  const compiled = await runInProcess(["compile", ...mapArgs, "--format", format, "--output", config], cwd);
  expect(compiled.status).toBe(0);
  return await depcruiseViolations(cwd, config);
}

async function rawViolations(cwd: string, format: "json" | "cjs", ...mapArgs: string[]): Promise<string[]> {
  const violations = await ejectAndCruise(cwd, format, mapArgs);
  return violations.map((violation) => `${violation.rule.name} ${violation.from}`).sort();
}

async function layerlintViolations(cwd: string, ...mapArgs: string[]): Promise<string[]> {
  const report = JSON.parse((await runInProcess(["check", ...mapArgs, "--format", "json", ...CACHE], cwd)).stdout) as {
    violations: { kind: string; severity: string; rule: string; from: string; fromLayer: string | null }[];
  };
  return report.violations
    .filter((violation) => violation.kind !== "unassigned")
    .map((violation) => `${ejectedRule(violation)} ${violation.from}`)
    .sort();
}

/** The ejected configuration has one rule for all the layers a layer may not import; reports name the pair. */
function ejectedRule(violation: { kind: string; severity: string; rule: string; fromLayer: string | null }): string {
  return violation.kind === "layer" && violation.severity === "error"
    ? `${violation.fromLayer as string}-may-not-import-other-layers`
    : violation.rule;
}

describe("layerlint compile", () => {
  it.each(["json", "cjs"] as const)(
    "ejects a %s configuration with which raw depcruise finds the same layer and package violations",
    async (format) => {
      const cwd = fixturePath("small-backend");
      const expected = await layerlintViolations(cwd);
      expect(expected).toEqual([
        "domain-may-not-use-unlisted-packages src/domain/user.ts",
        "transport-may-not-import-other-layers src/http/users-route.ts",
      ]);
      expect(await rawViolations(cwd, format)).toEqual(expected);
    },
  );

  it.each(["json", "cjs"] as const)(
    "ejects a %s configuration with which raw depcruise finds the same context violations, through one capturing rule for every context",
    async (format) => {
      const cwd = fixturePath("contexts");
      const expected = await layerlintViolations(cwd);
      expect(expected).toEqual([
        "context-billing-may-import-only-allowed-contexts src/modules/billing/application/pay.ts",
        "context-orders-may-import-only-allowed-contexts src/modules/orders/application/place-order.ts",
        "contexts-may-not-import-each-other src/modules/accounts/application/open-account.ts",
        "domain-may-not-import-other-layers src/modules/billing/domain/refund.ts",
        "kernel-may-not-import-other-layers src/shared/audit.ts",
        "shared-kernel-may-not-import-contexts src/shared/audit.ts",
      ]);
      // The ejected configuration has no exceptions: raw dependency-cruiser also reports the one the map excepts.
      const excepted = "contexts-may-not-import-each-other src/modules/accounts/http/accounts-route.ts";
      expect(await rawViolations(cwd, format)).toEqual([...expected, excepted].sort());
    },
  );

  it("ejects contexts that name folders only: raw depcruise agrees that files beside the contexts (src/main.ts) are in none", async () => {
    const cwd = fixturePath("contexts-beside-files");
    const expected = await layerlintViolations(cwd);
    expect(expected).toEqual(["contexts-may-not-import-each-other src/billing/invoice.ts"]);
    expect(await rawViolations(cwd, "cjs")).toEqual(expected);
  });

  it("ejects the public surface of contexts: raw depcruise finds the same import past it", async () => {
    const cwd = fixturePath("contexts");
    const expected = await layerlintViolations(cwd, "-c", "layers.public.yaml");
    expect(expected).toContain(
      "context-orders-may-import-only-public-files-of-accounts src/modules/orders/application/place-order.ts",
    );
    const excepted = "contexts-may-not-import-each-other src/modules/accounts/http/accounts-route.ts";
    expect(await rawViolations(cwd, "cjs", "-c", "layers.public.yaml")).toEqual([...expected, excepted].sort());
  });

  it("names rules after what they forbid, one layer rule per importing layer, and keeps paths relative, so the file works in any clone", async () => {
    const run = await runInProcess(["compile"], fixturePath("small-backend"));
    const config = JSON.parse(run.stdout) as { forbidden: { name: string }[]; options: Record<string, unknown> };
    expect(config.forbidden.map((rule) => rule.name)).toEqual([
      "transport-may-not-import-other-layers",
      "transport-may-not-use-unlisted-packages",
      "transport-may-not-use-uninstalled-packages",
      "domain-may-not-import-other-layers",
      "domain-may-not-use-unlisted-packages",
      "domain-may-not-use-uninstalled-packages",
      "domain-may-not-use-unlisted-builtins",
      "persistence-may-not-import-other-layers",
      "no-import-cycles",
    ]);
    expect(config.options).toMatchObject({
      tsPreCompilationDeps: true,
      skipAnalysisNotInRules: true,
      doNotFollow: { path: ["node_modules"] },
      tsConfig: { fileName: "tsconfig.json" },
    });
    expect(JSON.stringify(config)).not.toContain(fixturePath("small-backend"));
  });
});

/** Rule, severity, from and to of every violation: raw depcruise's from its JSON, layerlint's from its report. */
async function rawEdges(cwd: string): Promise<string[]> {
  const violations = await ejectAndCruise(cwd, "cjs", []);
  return violations
    .map((violation) => `${violation.rule.name} ${violation.rule.severity} ${violation.from} → ${violation.to}`)
    .sort();
}

async function layerlintEdges(cwd: string): Promise<string[]> {
  const report = JSON.parse((await runInProcess(["check", "--format", "json", ...CACHE], cwd)).stdout) as {
    violations: { kind: string; rule: string; severity: string; from: string; fromLayer: string | null; to: string }[];
  };
  return report.violations
    .map((violation) => `${ejectedRule(violation)} ${violation.severity} ${violation.from} → ${violation.to}`)
    .sort();
}

describe("layerlint compile: layers sharing rules", () => {
  it("layers refusing the same layers share one boundary rule; reports still name the pair, and raw depcruise finds the same imports", async () => {
    const cwd = fixturePath("small-backend");
    const config = JSON.parse((await runInProcess(["compile", "-c", "layers.shared-refusal.yaml"], cwd)).stdout) as {
      forbidden: { name: string; comment: string }[];
    };
    expect(config.forbidden.map((rule) => rule.name)).toEqual([
      "transport-and-1-more-may-not-import-other-layers",
      "domain-may-not-import-other-layers",
      "persistence-may-not-import-other-layers",
      "no-import-cycles",
    ]);
    expect(config.forbidden[0]?.comment).toBe("transport, entry may not import persistence");
    const report = JSON.parse(
      (await runInProcess(["check", "-c", "layers.shared-refusal.yaml", "--format", "json"], cwd)).stdout,
    ) as { violations: { rule: string; from: string; to: string; fromLayer: string }[] };
    expect(report.violations.map(({ rule, from, to, fromLayer }) => `${rule} ${fromLayer} ${from} → ${to}`)).toEqual([
      "transport-may-not-import-persistence transport src/http/users-route.ts → src/db/user-repository.ts",
    ]);
    expect(await rawViolations(cwd, "json", "-c", "layers.shared-refusal.yaml")).toEqual([
      "transport-and-1-more-may-not-import-other-layers src/http/users-route.ts",
    ]);
  });

  it("layers with the same allow-list share one set of package rules; reports still name each layer's own rule, and raw depcruise finds the same imports", async () => {
    const cwd = fixturePath("packages");
    const config = JSON.parse((await runInProcess(["compile", "-c", "layers.shared-list.yaml"], cwd)).stdout) as {
      forbidden: { name: string; comment: string }[];
    };
    expect(config.forbidden.map((rule) => rule.name)).toEqual([
      "api-may-not-import-other-layers",
      "api-and-1-more-may-not-use-unlisted-packages",
      "api-and-1-more-may-not-use-uninstalled-packages",
      "api-and-1-more-may-not-use-unlisted-builtins",
      "lib-may-not-import-other-layers",
      "no-import-cycles",
    ]);
    expect(config.forbidden[1]?.comment).toBe("api, lib may use express, @scope/ok, node:fs");
    const ours = await layerlintViolations(cwd, "-c", "layers.shared-list.yaml");
    expect(ours).toContain("lib-may-not-use-uninstalled-packages src/lib/anything.ts");
    expect(ours).toContain("lib-may-not-use-unlisted-builtins src/lib/anything.ts");
    expect(ours).toContain("api-may-not-use-unlisted-builtins src/api/node-path-only.ts");
    const asEjected = ours
      .map((entry) => entry.replace(/^(api|lib)-may-not-use-/, "api-and-1-more-may-not-use-"))
      .sort();
    expect(await rawViolations(cwd, "json", "-c", "layers.shared-list.yaml")).toEqual(asEjected);
  });
});

describe("layerlint compile: public entry points and warn allowances", () => {
  it("ejects private rules with which raw depcruise finds exactly the same private and layer violations", async () => {
    const cwd = fixturePath("public-entry-points");
    const expected = await layerlintEdges(cwd);
    expect(expected).toEqual([
      "jobs-may-not-import-other-layers error src/http/cron/retry-payouts.ts → src/payments/internal/ledger.ts",
      "jobs-may-not-import-other-layers error src/jobs/nightly-settlement.ts → src/payments/internal/ledger.ts",
      "payments-internals-are-private error src/http/refund-route.ts → src/payments/internal/ledger.ts",
      "payments-internals-are-private error src/http/refund-route.ts → src/payments/refunds/refund-policy.ts",
    ]);
    expect(await rawEdges(cwd)).toEqual(expected);
  });

  it("ejects a tolerated pair's rule at severity warn", async () => {
    const cwd = fixturePath("warn-allowance");
    const expected = await layerlintEdges(cwd);
    expect(expected).toEqual(["http-may-not-import-db warn src/http/orders-route.ts → src/db/orders-table.ts"]);
    expect(await rawEdges(cwd)).toEqual(expected);
  });
});

describe("layerlint compile: '!' globs and paths holding a newline", () => {
  const expected = [
    "controllers-may-not-import-other-layers error src/modules/users/useCases/createUser/CreateUserController.ts → src/modules/users/repos/userRepo.impl.ts",
    "repos-internals-are-private error src/modules/users/useCases/createUser/CreateUser.ts → src/modules/users/repos/userRepo.impl.ts",
    "useCases-may-not-import-other-layers error src/modules/users/useCases/createUser/CreateUser.ts → src/modules/users/useCases/createUser/CreateUserController.ts",
    "useCases-may-not-import-other-layers error src/modules/users/useCases/createUser/keep.test.ts → src/modules/users/useCases/createUser/CreateUserController.ts",
  ];

  it("'!' entries in paths, public and exclude: layerlint finds exactly the expected violations, and raw depcruise with the ejected configuration the same", async () => {
    const cwd = fixturePath("negated-globs");
    expect(await layerlintEdges(cwd)).toEqual(expected);
    expect(await rawEdges(cwd)).toEqual(expected);
  });

  it("a file whose name holds a newline is in its layer for layerlint and raw depcruise alike", async () => {
    const cwd = join(mkdtempSync(join(tmpdir(), "layerlint-newline-")), "project");
    cpSync(fixturePath("negated-globs"), cwd, { recursive: true });
    writeFileSync(
      join(cwd, "src/modules/users/domain/new\nline.ts"),
      `import { statusOf } from "../useCases/createUser/CreateUserController.js";\n\nexport const ok = statusOf(true);\n`,
    );
    const edges = await layerlintEdges(cwd);
    expect(edges).toContain(
      "domain-may-not-import-other-layers error src/modules/users/domain/new\nline.ts → src/modules/users/useCases/createUser/CreateUserController.ts",
    );
    expect(edges).toHaveLength(expected.length + 1);
    expect(await rawEdges(cwd)).toEqual(edges);
    rmSync(cwd, { recursive: true, force: true });
  });
});
