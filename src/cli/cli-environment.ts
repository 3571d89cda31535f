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
  /** Adapters; the composition root's defaults unless a test replaces some. */
  readonly ports?: Partial<CheckPorts>;
}
