import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { mapConcurrently } from "../../src/application/map-concurrently.js";

describe("mapConcurrently", () => {
  it("keeps the items' order whatever order the answers arrive in, and never runs more than the limit at once", async () => {
    let running = 0;
    let most = 0;
    const result = await mapConcurrently([5, 1, 4, 2, 3, 0, 6], 3, async (delay) => {
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
    await expect(mapConcurrently(items, 8, work)).rejects.toThrow("slow failure");
  });

  it("starts the next item as soon as one ends, not when a whole batch has", async () => {
    const started: string[] = [];
    const work = async ([name, delay]: [string, number]) => {
      started.push(name);
      await sleep(delay);
      return name;
    };
    const items: [string, number][] = [
      ["slow", 60],
      ["quick", 0],
      ["next", 0],
    ];
    const finishing = mapConcurrently(items, 2, work);
    await sleep(20);
    expect(started).toEqual(["slow", "quick", "next"]);
    expect(await finishing).toEqual(["slow", "quick", "next"]);
  });

  it("starts no item after one failed", async () => {
    const started: number[] = [];
    const work = async (item: number) => {
      started.push(item);
      await sleep(item === 0 ? 0 : 30);
      if (item === 0) throw new Error("first");
      return item;
    };
    await expect(mapConcurrently([0, 1, 2, 3], 2, work)).rejects.toThrow("first");
    expect(started).toEqual([0, 1]);
  });
});
