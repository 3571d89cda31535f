import { execFileSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { copyFixture, type TempProject } from "./temp-project.js";

/** `check --changed [REF]` in real git repositories made from copies of baseline-legacy. */

const FIXED_PLACE_ORDER = `import { newOrder } from "../domain/order.js";\n\nexport const placeOrder = (id: string) => newOrder(id);\n`;
const NEW_VIOLATION = `import { findOrder } from "../db/order-repository.js";\n\nexport const reorder = (id: string) => findOrder(id);\n`;

let project: TempProject;
afterEach(() => project.remove());

function git(...args: string[]): string {
  return execFileSync(
    "git",
    ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args],
    { cwd: project.dir, encoding: "utf8" },
  );
}

/** A repository on main with the fixture committed. */
function repository(): TempProject {
  project = copyFixture("baseline-legacy");
  git("init", "--quiet", "--initial-branch=main");
  git("add", ".");
  git("commit", "--quiet", "-m", "legacy");
  return project;
}

const fromFiles = (report: { violations: { from: string }[] }) => report.violations.map((violation) => violation.from);

describe("layerlint check --changed", () => {
  it("reports only files changed since the merge base with main, uncommitted and untracked ones included", () => {
    repository().write("src/app/place-order.ts", `\n${project.read("src/app/place-order.ts")}`);
    project.write("src/domain/reorder.ts", NEW_VIOLATION);
    const { status, report } = project.checkJson("--changed");
    expect(status).toBe(1);
    expect(fromFiles(report)).toEqual(["src/app/place-order.ts", "src/domain/reorder.ts"]);
    expect(report.summary.violations).toEqual({
      layer: 2,
      package: 0,
      private: 0,
      context: 0,
      unassigned: 0,
      cycle: 0,
      size: 0,
    });
    expect(report.violations[0].line).toBe(2);
    expect(report.summary.modules).toBe(6);
  });

  it("on a branch, counts the branch's commits since it left main; an explicit REF works the same", () => {
    repository();
    git("checkout", "--quiet", "-b", "feature");
    project.write("src/domain/reorder.ts", NEW_VIOLATION);
    git("add", ".");
    git("commit", "--quiet", "-m", "reorder");
    expect(fromFiles(project.checkJson("--changed").report)).toEqual(["src/domain/reorder.ts"]);
    expect(fromFiles(project.checkJson("--changed", "HEAD~1").report)).toEqual(["src/domain/reorder.ts"]);
    const clean = project.checkJson("--changed", "HEAD");
    expect(clean.status).toBe(0);
    expect(clean.report.violations).toEqual([]);
  });

  it("with --baseline, judges staleness only among the changed files", () => {
    repository();
    expect(project.run("baseline").status).toBe(0);
    project.write("src/app/place-order.ts", FIXED_PLACE_ORDER);
    const { status, report } = project.checkJson("--changed", "--baseline", "layerlint-baseline.json");
    expect(status).toBe(1);
    expect(report.summary.baseline.known).toBe(0);
    expect(report.summary.baseline.stale.map((entry: { from: string }) => entry.from)).toEqual([
      "src/app/place-order.ts",
    ]);
  });

  it("outside a git repository: exit 2 with a clear message", () => {
    project = copyFixture("baseline-legacy");
    const run = project.run("check", "--changed");
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `layerlint: --changed needs a git repository, and ${project.dir} is not inside one [LL-USAGE]\n`,
    );
  });

  it("an unknown REF: exit 2 naming it", () => {
    repository();
    const run = project.run("check", "--changed", "no-such-branch");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^layerlint: --changed: cannot find the merge base of HEAD and "no-such-branch": .+ \[LL-USAGE\]\n$/,
    );
  });

  it("without main or master or origin/HEAD: exit 2 asking for a REF", () => {
    project = copyFixture("baseline-legacy");
    git("init", "--quiet", "--initial-branch=trunk");
    git("add", ".");
    git("commit", "--quiet", "-m", "legacy");
    const run = project.run("check", "--changed");
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "layerlint: --changed: cannot tell the default branch (no origin/HEAD, main or master): name the base, e.g. --changed origin/develop [LL-USAGE]\n",
    );
  });
});
