import { readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";
import { analyzeProject } from "../../src/application/analyze-project.js";
import { graphOf } from "../../src/application/build-graph.js";
import { checkProject } from "../../src/application/check-project.js";
import { findLayerMap } from "../../src/application/find-layer-map.js";
import { loadLayerMap } from "../../src/application/load-layer-map.js";
import { defaultPorts } from "../../src/cli/default-ports.js";
import type { CheckReport } from "../../src/domain/report/check-report.js";
import { renderers } from "../../src/renderers/index.js";
import { fixturePath } from "../helpers/run-built-cli.js";

/** The real report of a fixture project, checked in-process (the syntax worker exists only in the build). */
export async function fixtureReport(name: string): Promise<CheckReport> {
  const { ports, loaded } = await fixtureMap(name);
  return (await checkProject(ports, { loaded })).report;
}

/** The Mermaid layer diagram the CLI hands the Markdown reporter, from the fixture's real analysis. */
export async function fixtureDiagram(name: string): Promise<string> {
  const { ports, loaded } = await fixtureMap(name);
  return renderers.mermaid(graphOf(await analyzeProject(ports, { loaded }), { level: "layer" }));
}

async function fixtureMap(name: string) {
  const ports = defaultPorts({ syntax: { check: () => Promise.resolve([]) } });
  const cwd = fixturePath(name);
  return { ports, loaded: await loadLayerMap(ports, await findLayerMap(ports.fileSystem, cwd, undefined), cwd) };
}

const GOLDEN = new URL("../golden/", import.meta.url);

/** Golden files: refresh with `npm run golden:update` after an intended change, then review the diff. */
export function expectGolden(name: string, actual: string): void {
  const file = new URL(name, GOLDEN);
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

export function readGolden(name: string): string {
  return readFileSync(new URL(name, GOLDEN), "utf8");
}

/** The small backend's report as `check --baseline` makes it when a baseline entry went stale (a failure). */
export async function staleBaselineReport(): Promise<CheckReport> {
  const report = await fixtureReport("small-backend");
  const stale = [{ id: "layer-000000000000", kind: "layer", from: "src/http/old.ts", to: "src/db/old.ts", count: 1 }];
  const failures = [
    {
      code: "stale-baseline" as const,
      message: "1 baseline entry no longer occurs: the baseline only shrinks, rewrite it with --update-baseline",
    },
  ];
  return {
    ...report,
    summary: { ...report.summary, baseline: { new: 3, known: 2, stale, staleAction: "error" }, failures },
  };
}
