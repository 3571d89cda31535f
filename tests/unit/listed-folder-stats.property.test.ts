import fc from "fast-check";
import fs, { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { listedFolderStats, type ListingCalls } from "../../src/adapters/dependency-cruiser/listed-folder-stats.js";

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));
const temporaryRoot = () => {
  const root = mkdtempSync(join(tmpdir(), "layerlint-listed-stats-"));
  roots.push(root);
  return root;
};

/** What a `statSync` call answers: the inode found, or the error's code. */
function outcome(statSync: (path: string) => fs.Stats, path: string): { ino: number } | { code: unknown } {
  try {
    return { ino: statSync(path).ino };
  } catch (error) {
    return { code: (error as NodeJS.ErrnoException).code };
  }
}

/** Names as resolvers ask for them, differing in case only, with an extension or not, and one not in ASCII. */
const NAMES = ["a", "b.ts", "B.ts", "index.ts", "x.d.ts", "é.ts"];
const KINDS = ["file", "folder", "link to a file", "link to a folder", "dangling link"] as const;
const entry = fc.record({
  path: fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 }),
  kind: fc.constantFrom(...KINDS),
});
const question = fc.record({
  path: fc.array(fc.constantFrom(...NAMES, "A", "B", "missing.ts", ".", ".."), { minLength: 1, maxLength: 4 }),
  trailingSlash: fc.boolean(),
});

/** Writes what it can of the entries (one under a file or a link is left out) into a fresh folder. */
function build(entries: readonly { path: readonly string[]; kind: (typeof KINDS)[number] }[]): string {
  const root = temporaryRoot();
  const target = join(root, "target-file");
  writeFileSync(target, "");
  mkdirSync(join(root, "target-folder"));
  for (const { path, kind } of entries) {
    const absolute = join(root, ...path);
    try {
      mkdirSync(join(absolute, ".."), { recursive: true });
      if (kind === "file") writeFileSync(absolute, "", { flag: "wx" });
      else if (kind === "folder") mkdirSync(absolute);
      else if (kind === "link to a file") symlinkSync(target, absolute);
      else if (kind === "link to a folder") symlinkSync(join(root, "target-folder"), absolute);
      else symlinkSync(join(root, "nowhere"), absolute);
    } catch {
      // Under a file, or already there: the tree is what could be written.
    }
  }
  return root;
}

describe("stats answered from folder listings", () => {
  it("answer every question as statSync does: the same file, or the same error code", () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 12 }),
        fc.array(question, { minLength: 1, maxLength: 20 }),
        (entries, questions) => {
          const root = build(entries);
          const listed = listedFolderStats();
          for (const { path, trailingSlash } of questions) {
            // Joined by hand: path.join would take the "." and ".." out.
            const asked = `${root}/${path.join("/")}${trailingSlash ? "/" : ""}`;
            expect(outcome(listed.statSync, asked), asked).toEqual(outcome(fs.statSync, asked));
          }
          rmSync(root, { recursive: true, force: true });
        },
      ),
      { numRuns: 150 },
    );
  });

  it("answer a name the folder does not hold without a stat, and a name it holds with one", () => {
    const root = temporaryRoot();
    writeFileSync(join(root, "b.ts"), "");
    const stats: string[] = [];
    const calls: ListingCalls = {
      readdirSync: fs.readdirSync,
      statSync: ((path: string) => (stats.push(path), fs.statSync(path))) as typeof fs.statSync,
    };
    const listed = listedFolderStats(calls);
    for (const name of ["b.js", "b.tsx", "b.d.ts", "b.ts", "b/index.ts"])
      expect(outcome(listed.statSync, join(root, name))).toEqual(outcome(fs.statSync, join(root, name)));
    expect(stats).toEqual([join(root, "b.ts")]);
  });

  it("take the listing afresh once told to forget: a file written since is found", () => {
    const root = temporaryRoot();
    const listed = listedFolderStats();
    expect(outcome(listed.statSync, join(root, "later.ts"))).toEqual({ code: "ENOENT" });
    writeFileSync(join(root, "later.ts"), "");
    listed.forget();
    expect(outcome(listed.statSync, join(root, "later.ts"))).toEqual(outcome(fs.statSync, join(root, "later.ts")));
  });
});
