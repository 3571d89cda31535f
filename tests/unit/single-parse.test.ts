import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { firstSyntaxProblems } from "../../src/adapters/typescript/first-syntax-problems.js";
import { rememberParses, textHash } from "../../src/adapters/typescript/recorded-parses.js";

describe("the syntax check", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "layerlint-single-parse-"));
    writeFileSync(join(root, "a.ts"), "export const a = 1;\n");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const planted = { line: 9, column: 9, message: "planted by the test, never by a parser" };

  it("answers from the cruise's record of a file when it reads the same text", async () => {
    rememberParses([{ path: join(root, "a.ts"), hash: textHash("export const a = 1;\n"), problem: planted }]);
    expect(await firstSyntaxProblems(root, ["a.ts"])).toEqual([{ file: "a.ts", ...planted }]);
  });

  it("parses the file again when its text is not the one the cruise parsed", async () => {
    rememberParses([{ path: join(root, "a.ts"), hash: textHash("export const a = 1;\n"), problem: planted }]);
    writeFileSync(join(root, "a.ts"), "export const = ;\n");
    expect(await firstSyntaxProblems(root, ["a.ts"])).toEqual([
      { file: "a.ts", line: 1, column: 14, message: "Variable declaration expected." },
    ]);
  });
});
