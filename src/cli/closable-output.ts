import type { OutputStream } from "./cli-environment.js";

/**
 * A process stream whose reader may go away (`layerlint check | head -c 1`): a closed pipe (EPIPE) stops
 * the writing quietly and the run goes on to its own exit code; any other write error is still thrown.
 */
export function closableOutput(stream: NodeJS.WriteStream): OutputStream {
  let closed = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
    closed = true;
  });
  return {
    write(text: string) {
      if (!closed) stream.write(text);
      return true;
    },
    get isTTY() {
      return stream.isTTY;
    },
  };
}
