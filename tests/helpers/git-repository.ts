import { execFileSync } from "node:child_process";

/** Runs git in a test's folder as a committer of its own: no user configuration, no signing. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync(
    "git",
    ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args],
    { cwd: dir, encoding: "utf8" },
  );
}

/** Makes the folder a git repository on `branch` with everything in it in one commit. */
export function commitEverything(dir: string, branch: string, message: string): void {
  git(dir, "init", "--quiet", `--initial-branch=${branch}`);
  git(dir, "add", ".");
  git(dir, "commit", "--quiet", "-m", message);
}
