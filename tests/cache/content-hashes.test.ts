import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createContentHashes,
  hashBytes,
  STAT_TRUST_AFTER_MS,
  type StatTrustedHashes,
} from "../../src/adapters/cache/content-hashes.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "layerlint-hashes-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A clock far enough ahead that every file on disk is old enough to be trusted by its stat. */
const later = () => Date.now() + STAT_TRUST_AFTER_MS + 1_000;

/** The entry a run recorded for `file`, with its hash replaced: a run that answers it has not read the file. */
async function recordedAs(file: string, hash: string): Promise<StatTrustedHashes> {
  const first = createContentHashes(dir, { now: later });
  await first.of(file);
  const entry = first.trusted().get(file);
  if (entry === undefined) throw new Error(`${file} was not recorded`);
  return new Map([[file, { stat: entry.stat, hash }]]);
}

describe("content hashes trusted by stat", () => {
  it("answers an unchanged file from the hash recorded with its stat, without reading it", async () => {
    writeFileSync(join(dir, "a.ts"), "export const a = 1;\n");
    const trusted = await recordedAs("a.ts", "recorded");
    const hashes = createContentHashes(dir, { trusted, now: later });
    expect(await hashes.of("a.ts")).toBe("recorded");
    expect(hashes.trusted().get("a.ts")?.hash).toBe("recorded");
  });

  it("reads a file again once it was written, even to the same size", async () => {
    writeFileSync(join(dir, "a.ts"), "export const a = 1;\n");
    const trusted = await recordedAs("a.ts", "recorded");
    writeFileSync(join(dir, "a.ts"), "export const a = 2;\n");
    const hashes = createContentHashes(dir, { trusted, now: later });
    expect(await hashes.of("a.ts")).toBe(hashBytes("export const a = 2;\n"));
  });

  it("reads a file again once it was replaced by another (a rename over it)", async () => {
    writeFileSync(join(dir, "a.ts"), "export const a = 1;\n");
    const trusted = await recordedAs("a.ts", "recorded");
    rmSync(join(dir, "a.ts"));
    writeFileSync(join(dir, "a.ts"), "export const a = 1;\n");
    const hashes = createContentHashes(dir, { trusted, now: later });
    expect(await hashes.of("a.ts")).toBe(hashBytes("export const a = 1;\n"));
  });

  it(`records no stat for a file changed less than ${STAT_TRUST_AFTER_MS} ms before it was read`, async () => {
    writeFileSync(join(dir, "a.ts"), "export const a = 1;\n");
    const hashes = createContentHashes(dir, { now: Date.now });
    expect(await hashes.of("a.ts")).toBe(hashBytes("export const a = 1;\n"));
    expect(hashes.trusted().has("a.ts")).toBe(false);
  });

  it("records no stat for a file whose modification time is in the future", async () => {
    writeFileSync(join(dir, "a.ts"), "export const a = 1;\n");
    const tomorrow = new Date(Date.now() + 86_400_000);
    utimesSync(join(dir, "a.ts"), tomorrow, tomorrow);
    const hashes = createContentHashes(dir, { now: later });
    await hashes.of("a.ts");
    expect(hashes.trusted().has("a.ts")).toBe(false);
  });

  it("answers null for what is not a regular file, and records nothing for it", async () => {
    mkdirSync(join(dir, "folder.ts"));
    const hashes = createContentHashes(dir, { now: later });
    expect(await hashes.of("folder.ts")).toBeNull();
    expect(await hashes.of("missing.ts")).toBeNull();
    expect(hashes.trusted().size).toBe(0);
  });
});

describe("content hashes telling a change", () => {
  it("tells once, at the first file whose content is not the one recorded, and never when none changed", async () => {
    writeFileSync(join(dir, "a.ts"), "export const a = 1;\n");
    writeFileSync(join(dir, "b.ts"), "export const b = 1;\n");
    const first = createContentHashes(dir, { now: later });
    await Promise.all([first.of("a.ts"), first.of("b.ts")]);
    let told = 0;
    const unchanged = createContentHashes(dir, { trusted: first.trusted(), now: later, onChanged: () => told++ });
    await Promise.all([unchanged.of("a.ts"), unchanged.of("b.ts")]);
    expect(told).toBe(0);

    writeFileSync(join(dir, "a.ts"), "export const a = 2;\n");
    writeFileSync(join(dir, "c.ts"), "export const c = 1;\n");
    const changed = createContentHashes(dir, { trusted: first.trusted(), now: later, onChanged: () => told++ });
    await changed.of("b.ts");
    expect(told).toBe(0);
    await Promise.all([changed.of("a.ts"), changed.of("c.ts")]);
    expect(told).toBe(1);
  });

  it("does not tell a file read again whose content is the recorded one (touched)", async () => {
    writeFileSync(join(dir, "a.ts"), "export const a = 1;\n");
    const first = createContentHashes(dir, { now: later });
    await first.of("a.ts");
    writeFileSync(join(dir, "a.ts"), "export const a = 1;\n");
    let told = 0;
    const touched = createContentHashes(dir, { trusted: first.trusted(), now: later, onChanged: () => told++ });
    expect(await touched.of("a.ts")).toBe(hashBytes("export const a = 1;\n"));
    expect(told).toBe(0);
  });
});
