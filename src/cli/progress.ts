import type { OutputStream } from "./cli-environment.js";

/** What a long run is doing, on stderr: redrawn in place on a terminal, one line per phase otherwise. */
export interface Progress {
  phase: (name: string, files: number | null) => void;
  stop: () => void;
}

const QUIET: Progress = { phase: () => undefined, stop: () => undefined };
/** Runs shorter than this never show progress, so quick checks stay quiet. */
const DELAY_MS = 400;
const FRAME_MS = 100;
const CLEAR_LINE = "\r\u001B[2K";

/**
 * `--progress` forces it on, `--no-progress` off; by default it shows only on a terminal outside CI
 * (CI sets `CI`), so logs never fill with redraws unless asked.
 */
export function createProgress(
  stream: OutputStream,
  env: Readonly<Record<string, string | undefined>>,
  asked: boolean | undefined,
): Progress {
  const terminal = stream.isTTY === true;
  if (asked === false || (asked === undefined && (!terminal || env.CI !== undefined))) return QUIET;
  const started = Date.now();
  let label = "";
  let shown = false;
  const draw = (): void => {
    if (label === "" || Date.now() - started < DELAY_MS) return;
    shown = true;
    stream.write(`${CLEAR_LINE}layerlint: ${label} · ${((Date.now() - started) / 1000).toFixed(1)}s`);
  };
  const timer = terminal ? setInterval(draw, FRAME_MS) : null;
  timer?.unref();
  return {
    phase(name, files) {
      label = describePhase(name, files);
      if (!terminal) stream.write(`layerlint: ${label}\n`);
    },
    stop() {
      if (timer !== null) clearInterval(timer);
      if (shown) stream.write(CLEAR_LINE);
    },
  };
}

function describePhase(name: string, files: number | null): string {
  const count = files === null ? "" : ` of ${files.toLocaleString("en-US")} files`;
  switch (name) {
    case "list":
      return "listing the source files";
    case "workspaces":
      return "finding workspace packages";
    case "cruise":
      return `resolving the imports${count}`;
    case "barrels":
      return "following imports through barrels";
    case "cycles":
      return "finding import cycles";
    case "locate":
      return "locating the violating imports";
    default:
      return name;
  }
}
