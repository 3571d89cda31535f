import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { mapInBatches } from "../../src/application/map-in-batches.js";

describe("mapInBatches", () => {
  it("keeps the items' order whatever order the answers arrive in, and never runs more than a batch at once", async () => {
    let running = 0;
    let most = 0;
    const result = await mapInBatches([5, 1, 4, 2, 3, 0, 6], 3, async (delay) => {
      most = Math.max(most, ++running);
      await sleep(delay);
      running--;
      return delay * 10;
    });
    expect(result).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(most).toBe(3);
  });

  it("throws the first failing item's error in item order, even when a later item fails sooner", async () => {
    const work = async (item: { delay: number; fails: boolean; name: string }) => {
      await sleep(item.delay);
      if (item.fails) throw new Error(item.name);
      return item.name;
    };
    const items = [
      { delay: 0, fails: false, name: "a" },
      { delay: 20, fails: true, name: "slow failure" },
      { delay: 0, fails: true, name: "quick failure" },
    ];
    await expect(mapInBatches(items, 8, work)).rejects.toThrow("slow failure");
  });
});
