import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturePath } from "../helpers/run-built-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { expectGolden } from "./golden.js";

const cwd = fixturePath("graph-shop");

describe("layerlint graph on the graph-shop fixture", () => {
  it.each([
    ["graph-shop-layers.mmd", ["--show-unused", "--packages"]],
    ["graph-shop-layers.dot", ["--format", "dot", "--show-unused", "--packages"]],
    ["graph-shop-layers.json", ["--format", "json", "--show-unused", "--packages"]],
    ["graph-shop-modules.dot", ["--level", "module", "--format", "dot"]],
    ["graph-shop-modules-collapsed.mmd", ["--level", "module", "--collapse", "3"]],
    ["graph-shop-folders.dot", ["--level", "folder", "--format", "dot"]],
    ["graph-shop-focus.json", ["--level", "module", "--format", "json", "--focus", "src/db/**", "--depth", "1"]],
  ])("%s: the exact golden bytes, exit 0 even with violations", async (golden, args) => {
    const run = await runInProcess(["graph", ...args], cwd);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expectGolden(golden, run.stdout);
  });

  it("is byte-identical across runs", async () => {
    const args = ["graph", "--level", "module", "--format", "dot"];
    expect((await runInProcess(args, cwd)).stdout).toBe((await runInProcess(args, cwd)).stdout);
  });

  it("without --show-unused draws only the edges the code has", async () => {
    const graph = JSON.parse((await runInProcess(["graph", "--format", "json"], cwd)).stdout);
    expect(graph.edges.filter((edge: { unused: boolean }) => edge.unused)).toEqual([]);
    expect(graph.nodes[0]).toEqual({ id: "api", layer: "api", modules: 2 });
  });

  it("--focus with --depth 2 reaches one hop further than --depth 1", async () => {
    const ids = async (depth: string): Promise<string[]> => {
      const focus = ["--focus", "src/api/orders/list-orders-route.ts", "--depth", depth];
      const run = await runInProcess(["graph", "--level", "module", "--format", "json", ...focus], cwd);
      return JSON.parse(run.stdout).nodes.map((node: { id: string }) => node.id);
    };
    expect(await ids("1")).toEqual(["src/api/orders/list-orders-route.ts", "src/app/place-order.ts"]);
    expect(await ids("2")).toEqual([
      "src/api/orders/create-order-route.ts",
      "src/api/orders/list-orders-route.ts",
      "src/app/place-order.ts",
      "src/domain/order.ts",
      "src/db/order-table.ts",
      "src/contracts/order-dto.ts",
    ]);
  });

  it("a folded folder whose files belong to several layers is split per layer, named path [layer]", async () => {
    const graph = JSON.parse(
      (await runInProcess(["graph", "--level", "folder", "--collapse", "1", "--format", "json"], cwd)).stdout,
    );
    expect(graph.nodes.map((node: { id: string }) => node.id)).toEqual([
      "src [api]",
      "src [app]",
      "src [domain]",
      "src [db]",
      "src [contracts]",
      "src [unassigned]",
    ]);
    expect(graph.edges[1]).toEqual({
      from: "src [api]",
      to: "src [db]",
      imports: 1,
      violation: true,
      severity: "error",
      unused: false,
    });
  });

  it("-o writes the file, --check exits 0 when it is current and 1 when it is out of date, saying what changed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "layerlint-graph-"));
    const file = join(dir, "architecture.mmd");
    const written = await runInProcess(["graph", "-o", file], cwd);
    expect(written.status).toBe(0);
    expect(written.stdout).toBe("");
    expect(readFileSync(file, "utf8")).toBe((await runInProcess(["graph"], cwd)).stdout);

    const current = await runInProcess(["graph", "--check", file], cwd);
    expect(current.status).toBe(0);
    expect(current.stdout + current.stderr).toBe("");

    writeFileSync(file, readFileSync(file, "utf8").replace("2 imports", "3 imports"));
    const stale = await runInProcess(["graph", "--check", file], cwd);
    expect(stale.status).toBe(1);
    expect(stale.stdout).toBe("");
    expect(stale.stderr).toBe(
      `layerlint: ${file} is out of date: run layerlint graph with the same options and --output ${file}\n` +
        "  ~ edge api → app: 3 imports → 2 imports\n",
    );
  });

  it.each([
    [
      ["--check", "missing.mmd"],
      "layerlint: missing.mmd does not exist: write it first with --output missing.mmd [LL-USAGE]\n",
    ],
    [["--check", "a.mmd", "-o", "b.mmd"], "layerlint: --output and --check cannot be used together [LL-USAGE]\n"],
    [["--level", "module", "--show-unused"], "layerlint: --show-unused applies only to --level layer [LL-USAGE]\n"],
    [["--collapse", "2"], "layerlint: --collapse applies only to --level module or folder [LL-USAGE]\n"],
    [["--level", "module", "--depth", "2"], "layerlint: --depth needs --focus [LL-USAGE]\n"],
    [
      ["--level", "module", "--focus", "src/nowhere/**"],
      'layerlint: --focus "src/nowhere/**" matches no checked module [LL-USAGE]\n',
    ],
    [
      ["--level", "module", "--focus", "../x"],
      `layerlint: --focus: invalid glob "../x": '..' would reach outside the map's folder [LL-USAGE]\n`,
    ],
  ])("graph %j is a usage error: exit 2, one line, no stack", async (args, message) => {
    const run = await runInProcess(["graph", ...args], cwd);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(message);
    expect(run.status).toBe(2);
  });

  it.each([
    ["--collapse", "0"],
    ["--format", "png"],
    ["--level", "package"],
  ])("graph %s %s is refused by the argument parser: exit 2", async (flag, value) => {
    const run = await runInProcess(["graph", flag, value], cwd);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(flag);
  });
});
