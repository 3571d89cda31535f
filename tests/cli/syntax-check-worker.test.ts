import { describe, expect, it } from "vitest";
import { fixturePath, runBuiltCli } from "../helpers/run-built-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

/**
 * The built CLI checks syntax on a worker thread, whose compiled file exists only in dist/; in-process runs check
 * it on their own thread. Both must report a parse error alike.
 */
describe("the syntax check on its worker thread (built CLI)", () => {
  it("reports the parse error with its position, and the same report as the check on the test's thread", async () => {
    const cwd = fixturePath("syntax-error");
    const built = runBuiltCli(["check", "--format", "json", "--no-cache"], cwd);
    expect(built.stderr).toBe("");
    expect(built.status).toBe(1);
    expect((JSON.parse(built.stdout) as { warnings: unknown[] }).warnings).toEqual([
      {
        code: "parse-error",
        file: "src/app/broken.ts",
        message: "src/app/broken.ts:3:14: Variable declaration expected; its imports may be incomplete",
      },
    ]);
    expect(built.stdout).toBe((await runInProcess(["check", "--format", "json", "--no-cache"], cwd)).stdout);
  });
});
