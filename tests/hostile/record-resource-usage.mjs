// Preloaded (`node --import`) into the built CLI by memory-and-time.test.ts: at exit, the process's peak
// resident memory (every thread's, external buffers included) and CPU time, written to the file the
// environment names. A process killed before it exits writes nothing.
import { writeFileSync } from "node:fs";

const file = process.env.LAYERLINT_RESOURCE_FILE;
if (file !== undefined) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({ peakMiB: usage.maxRSS / 1024, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }),
    );
  });
}
