import { removeTemporaryFiles } from "../adapters/file-system/node-file-system.js";
import type { FileSystem } from "../application/ports.js";

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * SIGINT (Ctrl-C) and SIGTERM keep their default action, which ends the process at once whatever it is
 * doing: a JavaScript handler would run only once the main thread is free, and a long synchronous step
 * (compiling a huge map, a cycle search) would hold it for seconds. Only while a file is being written,
 * which is asynchronous, a handler removes the temporary files, then raises the signal again, so the
 * process still dies of it (a shell sees 130 or 143) and leaves nothing half-written behind.
 * A signal that arrives as the write ends is already caught but not yet handed to the handler (the event
 * loop reads it on its next turn): the handler stays until the loop has turned twice, or the signal is lost.
 */
export function cleanUpWritesOnSignal(fileSystem: FileSystem): FileSystem {
  let writing = 0;
  const disarm = () => SIGNALS.forEach((signal) => process.off(signal, onSignal));
  function onSignal(signal: NodeJS.Signals): void {
    removeTemporaryFiles();
    writing = 0;
    disarm();
    process.kill(process.pid, signal);
  }
  return {
    ...fileSystem,
    async writeTextAtomic(absolutePath, text) {
      if (writing++ === 0) SIGNALS.forEach((signal) => process.on(signal, onSignal));
      try {
        await fileSystem.writeTextAtomic(absolutePath, text);
      } finally {
        await pollOnce();
        if (writing > 0 && --writing === 0) disarm();
      }
    },
  };
}

/** Resolves after the event loop has polled for input once more: after the next turn's poll phase. */
async function pollOnce(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
}
