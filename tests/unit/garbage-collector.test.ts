import { getHeapStatistics } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { garbageCollector } from "../../src/adapters/threads/garbage-collector.js";

describe("the garbage collector a cruise's worker runs once it has answered", () => {
  it("frees what is no longer reachable", () => {
    const collect = garbageCollector();
    expect(collect).toBeTypeOf("function");
    const holding = heapWhileHolding(1_000_000);
    collect?.();
    // A million objects with their strings take well over 40 MB.
    expect(holding - getHeapStatistics().used_heap_size).toBeGreaterThan(40 * 1024 ** 2);
  });

  it("gives `gc` to no other context", () => {
    garbageCollector();
    expect(runInNewContext("typeof gc")).toBe("undefined");
  });
});

/** The heap used while a million objects are held; none of them is reachable once this returns. */
function heapWhileHolding(count: number): number {
  const garbage = Array.from({ length: count }, (_, index) => ({ index, text: `module ${index}` }));
  return garbage.length === count ? getHeapStatistics().used_heap_size : 0;
}
