import { afterEach, describe, expect, it } from "vitest";
import { commitEverything, git } from "../helpers/git-repository.js";
import { copyFixtureInProcess, type TempFixture } from "../helpers/temp-fixture.js";

/** `check --changed [REF]` through the CLI in process, in real git repositories made from copies of baseline-legacy. */

const FIXED_PLACE_ORDER = `import { newOrder } from "../domain/order.js";\n\nexport const placeOrder = (id: string) => newOrder(id);\n`;
const NEW_VIOLATION = `import { findOrder } from "../db/order-repository.js";\n\nexport const reorder = (id: string) => findOrder(id);\n`;

let project: TempFixture;
afterEach(() => project.remove());

/** A repository on main with the fixture committed. */
function repository(): TempFixture {
  project = copyFixtureInProcess("baseline-legacy");
  commitEverything(project.dir, "main", "legacy");
  return project;
}

const fromFiles = (report: { violations: { from: string }[] }) => report.violations.map((violation) => violation.from);

describe("layerlint check --changed", () => {
  it("reports only files changed since the merge base with main, uncommitted and untracked ones included", async () => {
    repository().write("src/app/place-order.ts", `\n${project.read("src/app/place-order.ts")}`);
    project.write("src/domain/reorder.ts", NEW_VIOLATION);
    const { status, report } = await project.checkJson("--changed");
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

  it("on a branch, counts the branch's commits since it left main; an explicit REF works the same", async () => {
    repository();
    git(project.dir, "checkout", "--quiet", "-b", "feature");
    project.write("src/domain/reorder.ts", NEW_VIOLATION);
    git(project.dir, "add", ".");
    git(project.dir, "commit", "--quiet", "-m", "reorder");
    expect(fromFiles((await project.checkJson("--changed")).report)).toEqual(["src/domain/reorder.ts"]);
    expect(fromFiles((await project.checkJson("--changed", "HEAD~1")).report)).toEqual(["src/domain/reorder.ts"]);
    const clean = await project.checkJson("--changed", "HEAD");
    expect(clean.status).toBe(0);
    expect(clean.report.violations).toEqual([]);
  });

  it("with --baseline, judges staleness only among the changed files", async () => {
    repository();
    expect((await project.run("baseline")).status).toBe(0);
    project.write("src/app/place-order.ts", FIXED_PLACE_ORDER);
    const { status, report } = await project.checkJson("--changed", "--baseline", "layerlint-baseline.json");
    expect(status).toBe(1);
    expect(report.summary.baseline.known).toBe(0);
    expect(report.summary.baseline.stale.map((entry: { from: string }) => entry.from)).toEqual([
      "src/app/place-order.ts",
    ]);
  });

  it("outside a git repository: exit 2 with a clear message", async () => {
    project = copyFixtureInProcess("baseline-legacy");
    const run = await project.run("check", "--changed");
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `layerlint: --changed needs a git repository, and ${project.dir} is not inside one [LL-USAGE]\n`,
    );
  });

  it("an unknown REF: exit 2 naming it", async () => {
    repository();
    const run = await project.run("check", "--changed", "no-such-branch");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^layerlint: --changed: cannot find the merge base of HEAD and "no-such-branch": .+ \[LL-USAGE\]\n$/,
    );
  });

  it("without main or master or origin/HEAD: exit 2 asking for a REF", async () => {
    project = copyFixtureInProcess("baseline-legacy");
    commitEverything(project.dir, "trunk", "legacy");
    const run = await project.run("check", "--changed");
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "layerlint: --changed: cannot tell the default branch (no origin/HEAD, main or master): name the base, e.g. --changed origin/develop [LL-USAGE]\n",
    );
  });
});
