import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { violationId } from "../../src/domain/violations/violation-id.js";

/** 64-bit FNV-1a as its definition reads, in BigInt: the ids baselines hold were made with it. */
function referenceId(kind: string, from: string, to: string | null): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(`${kind}\u0000${from}\u0000${to ?? ""}`)) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `${kind}-${hash.toString(16).padStart(16, "0").slice(0, 12)}`;
}

describe("violation ids", () => {
  it("are 64-bit FNV-1a of kind, from and to, for any paths (non-ASCII, astral and lone surrogate code units, long cycles)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("layer", "package", "cycle"),
        fc.string({ unit: "binary", maxLength: 300 }),
        fc.option(
          fc.oneof(
            fc.string({ unit: "grapheme", maxLength: 2000 }),
            fc.string({
              unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
              maxLength: 50,
            }),
          ),
        ),
        (kind, from, to) => {
          expect(violationId(kind as "layer", from, to)).toBe(referenceId(kind, from, to));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("keep the ids of earlier releases", () => {
    expect(violationId("layer", "src/http/users-route.ts", "src/db/user-repository.ts")).toBe("layer-96994ad2aa5f");
    expect(violationId("cycle", "src/lib/x.ts", "src/lib/x.ts → src/lib/y.ts → src/lib/x.ts")).toBe(
      "cycle-9d40b15ed730",
    );
  });
});
