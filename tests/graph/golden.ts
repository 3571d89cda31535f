import { readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";

/** Golden graphs: refresh with `UPDATE_GOLDEN=1 npx vitest run tests/graph` after an intended change, then review the diff. */
const GOLDEN = new URL("../golden/", import.meta.url);

export function expectGolden(name: string, actual: string): void {
  const file = new URL(name, GOLDEN);
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, "utf8"));
}
