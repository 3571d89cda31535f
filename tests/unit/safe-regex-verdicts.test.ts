import { describe, expect, it } from "vitest";
import { rememberingVerdicts } from "../../src/adapters/dependency-cruiser/remember-safe-regex-verdicts.js";

describe("safe-regex's verdicts, remembered", () => {
  const counted = () => {
    const asked: unknown[] = [];
    const check = rememberingVerdicts((expression, options) => {
      asked.push([expression, options?.limit]);
      return typeof expression === "string" && !expression.includes("(a+)+");
    });
    return { check, asked };
  };

  it("checks each expression once per limit, and answers the same verdict after", () => {
    const { check, asked } = counted();
    expect([check("^src/(?:a|b)/", { limit: 10_000 }), check("^src/(?:a|b)/", { limit: 10_000 })]).toEqual([
      true,
      true,
    ]);
    expect([check("(a+)+$", { limit: 10_000 }), check("(a+)+$", { limit: 10_000 })]).toEqual([false, false]);
    expect(check("^src/(?:a|b)/")).toBe(true);
    expect(asked).toEqual([
      ["^src/(?:a|b)/", 10_000],
      ["(a+)+$", 10_000],
      ["^src/(?:a|b)/", undefined],
    ]);
  });

  it("passes what is not a string through, every time", () => {
    const { check, asked } = counted();
    const expression = /^src\//;
    check(expression);
    check(expression);
    expect(asked).toHaveLength(2);
  });
});
