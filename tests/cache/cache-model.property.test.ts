import { describeCacheModel } from "./cache-model-property.js";

// The fast tier's fixed seed; the slow tier (`npm run test:slow`, run by CI) adds 1,000 more sequences in two shards.
describeCacheModel("fast tier", { seed: 20261206, runs: 100, maxCommands: 4 });
