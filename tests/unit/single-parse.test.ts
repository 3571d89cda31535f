import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { firstSyntaxProblems, hashTexts, recallSyntax } from "../../src/adapters/typescript/first-syntax-problems.js";
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

  it("takes the texts it read while the cruise ran for the files' current texts", async () => {
    const read = await hashTexts(root, ["a.ts"]);
    rememberParses([{ path: join(root, "a.ts"), hash: textHash("export const a = 1;\n"), problem: planted }]);
    // Read before the cruise finished: the record is matched against that text, the file not read again.
    rmSync(join(root, "a.ts"));
    expect(await recallSyntax(root, ["a.ts"], read)).toEqual({
      recalled: new Map([["a.ts", { file: "a.ts", ...planted }]]),
      unparsed: [],
    });
    await expect(recallSyntax(root, ["a.ts"])).rejects.toThrow(/cannot read a\.ts/);
  });
});
