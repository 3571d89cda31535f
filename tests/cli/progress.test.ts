import { afterEach, describe, expect, it, vi } from "vitest";
import { createProgress } from "../../src/cli/progress.js";
import { fixturePath, runBuiltCli } from "../helpers/run-built-cli.js";

function stream(isTTY: boolean): { isTTY: boolean; text: string; write(text: string): void } {
  return {
    isTTY,
    text: "",
    write(text) {
      this.text += text;
    },
  };
}

afterEach(() => vi.useRealTimers());

describe("progress on stderr", () => {
  it("is off by default outside a terminal and in CI, and with --no-progress", () => {
    for (const [out, env, asked] of [
      [stream(false), {}, undefined],
      [stream(true), { CI: "true" }, undefined],
      [stream(true), {}, false],
    ] as const) {
      const progress = createProgress(out, env, asked);
      progress.phase("cruise", 3);
      progress.stop();
      expect(out.text).toBe("");
    }
  });

  it("asked for outside a terminal, writes one line per phase", () => {
    const out = stream(false);
    const progress = createProgress(out, { CI: "true" }, true);
    progress.phase("list", null);
    progress.phase("cruise", 12345);
    progress.stop();
    expect(out.text).toBe("layerlint: listing the source files\nlayerlint: resolving the imports of 12,345 files\n");
  });

  it("on a terminal, redraws one line in place once the run lasts over a moment, and clears it at the end", () => {
    vi.useFakeTimers();
    const out = stream(true);
    const progress = createProgress(out, {}, undefined);
    progress.phase("cruise", 10);
    vi.advanceTimersByTime(300);
    expect(out.text).toBe("");
    vi.advanceTimersByTime(200);
    expect(out.text).toBe(
      "\r\u001B[2Klayerlint: resolving the imports of 10 files · 0.4s\r\u001B[2Klayerlint: resolving the imports of 10 files · 0.5s",
    );
    progress.stop();
    vi.advanceTimersByTime(500);
    expect(out.text.endsWith("0.5s\r\u001B[2K")).toBe(true);
  });

  it("check --progress names each phase on stderr and leaves stdout as it was", () => {
    const plain = runBuiltCli(["check"], fixturePath("small-backend"));
    const run = runBuiltCli(["check", "--progress"], fixturePath("small-backend"));
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(plain.stdout);
    expect(run.stderr).toBe(
      [
        "layerlint: listing the source files",
        "layerlint: finding workspace packages",
        "layerlint: resolving the imports of 4 files",
        "layerlint: finding import cycles",
        "layerlint: locating the violating imports",
        "",
      ].join("\n"),
    );
  });
});
