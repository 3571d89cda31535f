import { spawn, spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { BUILT_BIN } from "../helpers/run-built-cli.js";
import { removeRepositories, repository } from "./hostile-repository-kit.js";

/** A reader that closes the built binary's stdout: only a real process has a pipe to break. `npm run build` first. */

afterAll(removeRepositories);

/** Runs of the built binary, on a machine that may be busy. */
const TEST_TIMEOUT_MS = 600_000;

describe(
  "a reader that goes away (EPIPE): the run ends quietly with its own exit code",
  { timeout: TEST_TIMEOUT_MS },
  () => {
    /** Runs the built CLI with its stdout closed before it writes: every write meets a closed pipe. */
    async function withClosedStdout(
      args: readonly string[],
      cwd: string,
    ): Promise<{ status: number | null; stderr: string }> {
      const child = spawn(process.execPath, [BUILT_BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" } });
      child.stdout.destroy();
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
      const status = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
      return { status, stderr };
    }

    it("check (clean and with violations), graph, compile and explain", async () => {
      const clean = repository();
      const violating = repository({ "src/a/a.ts": 'import { b } from "../b/b.js";\nexport const a = b;\n' });
      const cases: [readonly string[], string, number][] = [
        [["check"], clean, 0],
        [["check", "--format", "json"], violating, 1],
        [["graph"], clean, 0],
        [["graph", "--format", "dot"], clean, 0],
        [["compile"], clean, 0],
        [["explain", "src/b/b.ts"], clean, 0],
        [["--help"], clean, 0],
      ];
      for (const [args, cwd, status] of cases) {
        const result = await withClosedStdout(args, cwd);
        expect({ args, ...result }).toEqual({ args, status, stderr: "" });
      }
    });

    it("through a shell: check | head -c 1 prints one byte and nothing on stderr", () => {
      const root = repository({ "src/a/a.ts": 'import { b } from "../b/b.js";\nexport const a = b;\n' });
      const result = spawnSync(
        "bash",
        ["-c", `"${process.execPath}" "${BUILT_BIN}" graph --format dot | head -c 1; echo " \${PIPESTATUS[0]}"`],
        { cwd: root, encoding: "utf8" },
      );
      expect(result.stderr).toBe("");
      expect(result.stdout).toMatch(/^. 0\n$/);
    });
  },
);
