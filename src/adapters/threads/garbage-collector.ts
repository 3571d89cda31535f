import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * A function that runs a full garbage collection of the calling thread, or null where V8 does not give one.
 * V8 hands out its `gc` to contexts made while `--expose-gc` is set; the flag is set for one new context and
 * cleared again, so that no other context gets it.
 */
export function garbageCollector(): (() => void) | null {
  try {
    setFlagsFromString("--expose-gc");
    const collect: unknown = runInNewContext("gc");
    return typeof collect === "function" ? (collect as () => void) : null;
  } catch {
    return null;
  } finally {
    setFlagsFromString("--no-expose-gc");
  }
}
