import type { CheckPorts } from "../application/ports.js";

export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Everything the CLI takes from the process, passed in so tests can run it in-process. */
export interface CliEnvironment {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /**
   * Milliseconds since the epoch; default Date.now. The cache trusts a file's stat only once the file is older than a
   * few seconds by this clock (see content-hashes.ts).
   */
  readonly now?: () => number;
  /** Adapters; the composition root's defaults unless a test replaces some. */
  readonly ports?: Partial<CheckPorts>;
}
