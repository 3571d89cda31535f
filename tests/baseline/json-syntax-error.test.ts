import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findJsonSyntaxError } from "../../src/domain/baseline/json-syntax-error.js";

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe("findJsonSyntaxError", () => {
  it("points at the first character that stops the text being JSON, 1-based", () => {
    expect(findJsonSyntaxError('{\n  "version": 1,\n  "violations": [}\n')).toEqual({
      line: 3,
      column: 18,
      message: 'expected a value, found "}"',
    });
    expect(findJsonSyntaxError('{"a": 1,}')).toEqual({
      line: 1,
      column: 9,
      message: 'expected a property name in double quotes, found "}"',
    });
    expect(findJsonSyntaxError("{'a': 1}")).toEqual({
      line: 1,
      column: 2,
      message: 'expected a property name in double quotes, found "\'"',
    });
    expect(findJsonSyntaxError("")).toEqual({ line: 1, column: 1, message: "expected a value, but the file ends" });
    expect(findJsonSyntaxError("[1] [2]")).toEqual({
      line: 1,
      column: 5,
      message: 'expected the end of the file after the value, found "["',
    });
  });

  it("agrees with JSON.parse on every JSON value, formatted or not", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        expect(findJsonSyntaxError(JSON.stringify(value, null, pretty ? 2 : 0))).toBeNull();
      }),
    );
  });

  it("agrees with JSON.parse on whether a damaged text is JSON", () => {
    const numbers = fc.array(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), {
      minLength: 1,
    });
    const damaged = fc
      .tuple(
        fc.oneof(fc.jsonValue(), numbers),
        fc.nat(),
        fc.constantFrom("", ",", "}", "]", '"', ":", "x", "\\", "\n", "-", "+", ".", "e", "0"),
      )
      .map(([value, at, insert]) => {
        const text = JSON.stringify(value, null, 1);
        const cut = at % (text.length + 1);
        return text.slice(0, cut) + insert + text.slice(cut + (insert === "" ? 1 : 0));
      });
    fc.assert(
      fc.property(damaged, (text) => {
        expect(findJsonSyntaxError(text) === null).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });
});
