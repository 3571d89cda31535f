import { describe, expect, it } from "vitest";
import { fixturePath } from "./helpers/run-built-cli.js";
import { runInProcess } from "./helpers/run-in-process.js";

interface Found {
  readonly kind: string;
  readonly rule: string;
  readonly from: string;
  readonly to: string | null;
}

/** Runs the CLI in a fixture whose layers.yaml extends a preset; returns its violations. */
async function violationsIn(fixture: string): Promise<Found[]> {
  const run = await runInProcess(["check", "--format", "json"], fixturePath(`presets/${fixture}`));
  expect(run.stderr).toBe("");
  expect(run.status).toBe(1);
  const report = JSON.parse(run.stdout) as { violations: Found[] };
  return report.violations.map(({ kind, rule, from, to }) => ({ kind, rule, from, to }));
}

// Each fixture has one allowed and one forbidden import between layers, and every file in a usual
// folder: a folder the preset failed to classify would show up as an `unassigned` violation.
describe("built-in presets", () => {
  it("layered: presentation reaches persistence only through business", async () => {
    expect(await violationsIn("layered")).toEqual([
      {
        kind: "layer",
        rule: "presentation-may-not-import-persistence",
        from: "src/controllers/users-controller.ts",
        to: "src/repositories/user-repository.ts",
      },
    ]);
  });

  it("clean: dependencies point inwards, so a use case may not import a gateway", async () => {
    expect(await violationsIn("clean")).toEqual([
      {
        kind: "layer",
        rule: "use-cases-may-not-import-adapters",
        from: "src/use-cases/place-order.ts",
        to: "src/adapters/gateways/payment-gateway.ts",
      },
    ]);
  });

  it("hexagonal: adapters implement the application's ports, the application never imports an adapter", async () => {
    expect(await violationsIn("hexagonal")).toEqual([
      {
        kind: "layer",
        rule: "application-may-not-import-adapters",
        from: "src/application/place-order.ts",
        to: "src/adapters/persistence/sql-order-repository.ts",
      },
    ]);
  });

  it("backend-standard: the application reaches persistence only through contracts; the domain uses no package or built-in, contracts may use zod", async () => {
    expect(await violationsIn("backend-standard")).toEqual([
      {
        kind: "layer",
        rule: "application-may-not-import-persistence",
        from: "src/orders/application/place-order.ts",
        to: "src/orders/persistence/sql-order-store.ts",
      },
      {
        kind: "package",
        rule: "domain-may-not-use-unlisted-builtins",
        from: "src/orders/domain/order.ts",
        to: "node:crypto",
      },
    ]);
  });
});

describe("the nestjs preset", () => {
  it("classifies by file suffix, first match first: a controller may not reach a repository, a service a controller, a DTO an entity", async () => {
    expect(await violationsIn("nestjs")).toEqual([
      {
        kind: "layer",
        rule: "services-may-not-import-controllers",
        from: "src/orders/orders.service.ts",
        to: "src/users/users.controller.ts",
      },
      {
        kind: "layer",
        rule: "dtos-may-not-import-entities",
        from: "src/users/dto/create-user.dto.ts",
        to: "src/users/entities/user.entity.ts",
      },
      {
        kind: "layer",
        rule: "controllers-may-not-import-repositories",
        from: "src/users/users.controller.ts",
        to: "src/users/users.repository.ts",
      },
    ]);
  });

  it("gives no check warning for the file two layers claim: the first one, entities, has it (so the repository may import it)", async () => {
    const report = JSON.parse(
      (await runInProcess(["check", "--format", "json"], fixturePath("presets/nestjs"))).stdout,
    ) as {
      summary: { modules: number; excluded: number };
      warnings: { code: string; file?: string }[];
    };
    expect(report.summary).toMatchObject({ modules: 14, excluded: 1 });
    expect(report.warnings).toEqual([]);
  });
});

describe("a map extending backend-standard", () => {
  it("replaces a layer's paths instead of merging them and removes a layer set to null", async () => {
    expect(await violationsIn("overrides")).toEqual([
      // src/api/ is transport now, and transport keeps the preset's mayImport.
      {
        kind: "layer",
        rule: "transport-may-not-import-persistence",
        from: "src/api/orders-route.ts",
        to: "src/persistence/order-store.ts",
      },
      // The preset's src/**/http/** glob is gone with the list it was in.
      { kind: "unassigned", rule: "no-unassigned-files", from: "src/http/health-route.ts", to: null },
      // integrations is gone: its files are unclaimed, and src/application/checkout.ts may import them.
      { kind: "unassigned", rule: "no-unassigned-files", from: "src/integrations/payments-client.ts", to: null },
    ]);
  });
});
