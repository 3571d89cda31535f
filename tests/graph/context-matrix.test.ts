import { describe, expect, it } from "vitest";
import { analyzeProject } from "../../src/application/analyze-project.js";
import { contextMatrixOf } from "../../src/application/build-graph.js";
import { findLayerMap } from "../../src/application/find-layer-map.js";
import { loadLayerMap } from "../../src/application/load-layer-map.js";
import { defaultPorts } from "../../src/cli/default-ports.js";
import { renderMatrixDot } from "../../src/renderers/index.js";
import { fixturePath } from "../helpers/run-built-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

async function fixtureMatrix(name: string) {
  const ports = defaultPorts({ syntax: { check: () => Promise.resolve([]) } });
  const cwd = fixturePath(name);
  const loaded = await loadLayerMap(ports, await findLayerMap(ports.fileSystem, cwd, undefined), cwd);
  return contextMatrixOf(await analyzeProject(ports, { loaded }));
}

describe("contexts × layers matrix", () => {
  it("has exact cells and cross-context edges on the contexts fixture", async () => {
    const matrix = await fixtureMatrix("contexts");
    expect(matrix.contexts).toEqual(["accounts", "billing", "orders", "(shared kernel)", "(no context)"]);
    expect(matrix.layers).toEqual(["transport", "application", "domain", "contracts", "kernel", "main"]);
    expect(matrix.cells.map((cell) => [cell.layer, cell.context, cell.modules])).toEqual([
      ["transport", "accounts", ["src/modules/accounts/http/accounts-route.ts"]],
      ["transport", "billing", ["src/modules/billing/http/billing-route.ts"]],
      ["transport", "orders", ["src/modules/orders/http/orders-route.ts"]],
      ["application", "accounts", ["src/modules/accounts/application/open-account.ts"]],
      ["application", "billing", ["src/modules/billing/application/pay.ts"]],
      ["application", "orders", ["src/modules/orders/application/place-order.ts"]],
      ["domain", "accounts", ["src/modules/accounts/domain/account.ts"]],
      ["domain", "billing", ["src/modules/billing/domain/invoice.ts", "src/modules/billing/domain/refund.ts"]],
      ["domain", "orders", ["src/modules/orders/domain/order.ts"]],
      ["contracts", "accounts", ["src/modules/accounts/contracts/account-summary.ts"]],
      ["contracts", "billing", ["src/modules/billing/contracts/invoice-ref.ts"]],
      ["kernel", "(shared kernel)", ["src/shared/audit.ts", "src/shared/money.ts"]],
      ["main", "(no context)", ["src/main.ts"]],
    ]);
    expect(
      matrix.edges.map(
        (edge) =>
          `${edge.from.layer}@${edge.from.context} -> ${edge.to.layer}@${edge.to.context} ${edge.imports} ${edge.severity}`,
      ),
    ).toEqual([
      "transport@accounts -> transport@billing 1 error",
      "application@accounts -> contracts@billing 1 error",
      "application@billing -> domain@accounts 1 error",
      "application@billing -> contracts@accounts 1 null",
      "application@orders -> application@billing 1 error",
      "application@orders -> domain@accounts 1 null",
      "domain@accounts -> kernel@(shared kernel) 1 null",
      "domain@billing -> kernel@(shared kernel) 1 null",
      "domain@orders -> kernel@(shared kernel) 1 null",
      "contracts@accounts -> kernel@(shared kernel) 1 null",
      "kernel@(shared kernel) -> domain@orders 1 error",
      "main@(no context) -> transport@accounts 1 null",
      "main@(no context) -> transport@billing 1 null",
      "main@(no context) -> transport@orders 1 null",
    ]);
  });

  it("draws every non-empty cell and every cross-context edge in DOT and, through Graphviz, in SVG, but counts the shared kernel's allowed imports in its cell", async () => {
    const matrix = await fixtureMatrix("contexts");
    const dot = renderMatrixDot(matrix, "contexts");
    const svg = await defaultPorts().svg.renderDot(dot);
    for (const cell of matrix.cells) {
      const id = `cell:${cell.context}/${cell.layer}`;
      expect(dot).toContain(`id="${id}"`);
      expect(svg).toContain(`id="${id}"`);
    }
    for (const edge of matrix.edges) {
      const id = `edge:${edge.from.context}/${edge.from.layer}->${edge.to.context}/${edge.to.layer}`;
      const allowedIntoKernel = edge.to.context === "(shared kernel)" && edge.severity === null;
      expect(svg.includes(`id="${id.replaceAll("->", "&#45;&gt;")}"`), id).toBe(!allowedIntoKernel);
    }
    expect(svg).toContain(">imported 4 times</text>");
    expect(svg).toContain(">by 3 contexts</text>");
    expect(dot).toContain('tooltip="(shared kernel) / kernel: 2 modules imported 4 times by 3 contexts"');
    for (const context of matrix.contexts) expect(svg).toContain(`>${context}</text>`);
    expect(dot).toMatch(/"accounts\/transport" -> "billing\/transport" \[[^\]]*color="#d62728"/);
  });

  it("graph --level context --matrix writes SVG by default and the matrix as versioned JSON, and refuses Mermaid, other levels and --check", async () => {
    const cwd = fixturePath("contexts");
    const json = await runInProcess(["graph", "--level", "context", "--matrix", "--format", "json"], cwd);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      version: 1,
      ...(JSON.parse(JSON.stringify(await fixtureMatrix("contexts"))) as object),
    });
    expect(json.stdout.startsWith('{\n  "version": 1,\n  "contexts": [')).toBe(true);
    const svg = await runInProcess(["graph", "--level", "context", "--matrix"], cwd);
    expect([svg.status, svg.stderr]).toEqual([0, ""]);
    expect(svg.stdout).toMatch(/^<\?xml[^]*<svg [^]*id="cell:billing\/domain"[^]*<\/svg>\n$/);
    const html = await runInProcess(["graph", "--level", "context", "--matrix", "--format", "html"], cwd);
    expect(html.status).toBe(0);
    expect(html.stdout).toContain("<title>contexts: contexts × layers</title>");
    expect(html.stdout).toContain('id="cell:billing/domain"');

    for (const args of [
      ["--format", "mermaid"],
      ["-o", "matrix.mmd"],
    ]) {
      const mermaid = await runInProcess(["graph", "--level", "context", "--matrix", ...args], cwd);
      expect([mermaid.status, mermaid.stdout]).toEqual([2, ""]);
      expect(mermaid.stderr).toContain(
        "layerlint: Mermaid has no matrix form: use --format svg (the default with --matrix), html, dot or json",
      );
    }
    const layer = await runInProcess(["graph", "--matrix", "--format", "svg"], cwd);
    expect([layer.status, layer.stderr]).toEqual([
      2,
      expect.stringContaining("--matrix applies only to --level context"),
    ]);
    const check = await runInProcess(["graph", "--level", "context", "--matrix", "--check", "x.svg"], cwd);
    expect([check.status, check.stderr]).toEqual([2, expect.stringContaining("--matrix cannot be used with --check")]);
  });
});
