import { describeCacheModel } from "./cache-model-property.js";

// Half of the slow tier's 1,000 sequences: two files, so that the two halves run on two workers at once.
describeCacheModel("slow tier, shard 1 of 2", {
  seed: 20261207,
  runs: 500,
  maxCommands: 8,
  enabled: process.env.LAYERLINT_SLOW === "1",
});
