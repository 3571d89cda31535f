import { execFile } from "node:child_process";
import type { VersionControl } from "../../application/ports.js";
import { DependencyFailure, UsageError } from "../../domain/errors.js";

interface GitResult {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/** `--changed` through the git command line: the repository's own view of what changed. */
export const gitVersionControl: VersionControl = {
  async changedFiles(root, ref) {
    const inside = await git(root, ["rev-parse", "--is-inside-work-tree"]);
    if (!inside.ok || inside.stdout.trim() !== "true")
      throw new UsageError(`--changed needs a git repository, and ${root} is not inside one`);
    if (ref?.startsWith("-") === true) throw new UsageError(`--changed: "${ref}" is not a git revision`);
    const target = ref ?? (await defaultBranch(root));
    const base = await git(root, ["merge-base", "HEAD", target]);
    if (!base.ok) {
      const why = firstLine(base.stderr) || "they share no history";
      throw new UsageError(`--changed: cannot find the merge base of HEAD and "${target}": ${why}`);
    }
    const diff = await gitOrFail(root, [
      "diff",
      "--name-only",
      "--no-renames",
      "--relative",
      "-z",
      base.stdout.trim(),
      "--",
    ]);
    const untracked = await gitOrFail(root, ["ls-files", "--others", "--exclude-standard", "-z"]);
    return [...new Set([...nulSeparated(diff), ...nulSeparated(untracked)])].sort();
  },
  async currentCommit(root) {
    const head = await git(root, ["rev-parse", "--verify", "--quiet", "HEAD"]).catch(() => null);
    return head?.ok === true ? head.stdout.trim() : null;
  },
};

/** origin/HEAD when the clone knows it, else main, else master. */
async function defaultBranch(root: string): Promise<string> {
  const remote = await git(root, ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"]);
  if (remote.ok && remote.stdout.trim() !== "") return remote.stdout.trim();
  for (const branch of ["main", "master"]) {
    if ((await git(root, ["rev-parse", "--verify", "--quiet", `${branch}^{commit}`])).ok) return branch;
  }
  throw new UsageError(
    "--changed: cannot tell the default branch (no origin/HEAD, main or master): " +
      "name the base, e.g. --changed origin/develop",
  );
}

async function gitOrFail(root: string, args: readonly string[]): Promise<string> {
  const result = await git(root, args);
  if (!result.ok) throw new DependencyFailure(`git ${args[0]} failed: ${firstLine(result.stderr)}`);
  return result.stdout;
}

function git(cwd: string, args: readonly string[]): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile("git", [...args], { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error !== null && (error as NodeJS.ErrnoException).code === "ENOENT") {
        reject(new UsageError("--changed needs git, and no git command was found on the PATH"));
        return;
      }
      resolve({ ok: error === null, stdout, stderr });
    });
  });
}

function nulSeparated(text: string): string[] {
  return text.split("\0").filter((entry) => entry !== "");
}

function firstLine(text: string): string {
  return text.trim().split("\n")[0] ?? "";
}
