import { readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";
import { checkProject } from "../../src/application/check-project.js";
import { findLayerMap } from "../../src/application/find-layer-map.js";
import { loadLayerMap } from "../../src/application/load-layer-map.js";
import { defaultPorts } from "../../src/cli/default-ports.js";
import type { CheckReport } from "../../src/domain/report/check-report.js";
import { fixturePath } from "../helpers/run-built-cli.js";

/** The real report of a fixture project, checked in-process (the syntax worker exists only in the build). */
export async function fixtureReport(name: string): Promise<CheckReport> {
  const ports = defaultPorts({ syntax: { check: () => Promise.resolve([]) } });
  const cwd = fixturePath(name);
  const loaded = await loadLayerMap(ports, await findLayerMap(ports.fileSystem, cwd, undefined), cwd);
  return (await checkProject(ports, { loaded })).report;
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
