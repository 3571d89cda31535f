import { describe, expect, it } from "vitest";
import { deserializeError } from "../../src/adapters/dependency-cruiser/worker-errors.js";

describe("a failure of dependency-cruiser", () => {
  it("is said in its own words when they are short", () => {
    const error = deserializeError({ kind: "other", message: "the moon is made of cheese", stack: undefined });
    expect(error.message).toBe("dependency-cruiser failed: the moon is made of cheese");
  });

  it("is cut to 1,000 characters when it quotes a whole rule (megabytes of regex), the rest left to --debug", () => {
    const rule = `rule {"from":{"path":"${"(?:^src/a(?:|/[^]*)$)|".repeat(500)}"}} has an unsafe regular expression`;
    const error = deserializeError({ kind: "other", message: rule, stack: undefined });
    expect(error.message).toBe(
      `dependency-cruiser failed: ${rule.slice(0, 1000)}… (${rule.length - 1000} characters more: --debug shows them)`,
    );
    expect(error.message.length).toBeLessThan(1100);
  });
});
