import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocument, visit } from "yaml";
import { fixturePath, REPO_ROOT } from "../helpers/run-built-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

/** The recipes in docs/ci: each parses as YAML, and every layerlint command in it runs with the real CLI. */
const RECIPES = [
  { file: "github-actions.yml", passesFiles: false },
  { file: "gitlab-ci.yml", passesFiles: false },
  { file: "lintstagedrc.yml", passesFiles: true },
  { file: "pre-commit-config.yaml", passesFiles: true },
] as const;

const STAGED_FILE = "src/http/users-route.ts";
const workDirs: string[] = [];
afterAll(() => workDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function readRecipe(file: string): { value: unknown; commands: string[] } {
  const document = parseDocument(readFileSync(join(REPO_ROOT, "docs/ci", file), "utf8"), { uniqueKeys: true });
  expect(document.errors.map((error) => error.message)).toEqual([]);
  const commands: string[] = [];
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && /^(npx )?layerlint \w/.test(node.value)) commands.push(node.value);
    },
  });
  return { value: document.toJS(), commands };
}

/** Runs a recipe's command in a copy of the small backend, as the CI job or hook would there. */
async function runRecipeCommand(command: string, passesFiles: boolean) {
  expect(command, "a plain command: no quotes, pipes or variables for this test to misread").toMatch(/^[\w ./=-]+$/);
  const [, ...args] = command.replace(/^npx /, "").split(/\s+/);
  const cwd = mkdtempSync(join(tmpdir(), "layerlint-recipe-"));
  workDirs.push(cwd);
  cpSync(fixturePath("small-backend"), cwd, { recursive: true });
  return { cwd, args, run: await runInProcess(passesFiles ? [...args, STAGED_FILE] : args, cwd) };
}

function reportFiles(args: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    args.flatMap((arg, index) => (args[index - 1] === "--report" ? [arg.split("=") as [string, string]] : [])),
  );
}

describe("the CI recipes in docs/ci", () => {
  for (const recipe of RECIPES) {
    it(`${recipe.file}: parses, and each layerlint command in it runs: exit 1 on violations, never a usage error`, async () => {
      const { commands } = readRecipe(recipe.file);
      expect(commands.length).toBeGreaterThan(0);
      for (const command of commands) {
        const { cwd, args, run } = await runRecipeCommand(command, recipe.passesFiles);
        expect(run.stderr).toBe("");
        expect(run.status).toBe(1);
        for (const file of Object.values(reportFiles(args))) expect(existsSync(join(cwd, file)), file).toBe(true);
      }
    });
  }

  it("github-actions.yml: annotations, the SARIF it uploads and the summary it shows come from the check's reports", async () => {
    const { value, commands } = readRecipe("github-actions.yml");
    const workflow = value as {
      permissions: Record<string, string>;
      jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, string> }[] }>;
    };
    const [command] = commands;
    const { args, run } = await runRecipeCommand(command!, false);
    expect(args.slice(0, 3)).toEqual(["check", "--format", "github"]);
    expect(run.stdout).toContain(
      "::error file=src/http/users-route.ts,line=2,col=1,title=transport-may-not-import-persistence::",
    );
    const reports = reportFiles(args);
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    expect(steps.find((step) => step.uses?.startsWith("github/codeql-action/upload-sarif@"))?.with?.sarif_file).toBe(
      reports.sarif,
    );
    expect(steps.some((step) => step.run === `cat ${reports.markdown} >> "$GITHUB_STEP_SUMMARY"`)).toBe(true);
    expect(workflow.permissions["security-events"]).toBe("write");
  });

  it("gitlab-ci.yml: the JUnit report the job keeps is the one the check writes", async () => {
    const { value, commands } = readRecipe("gitlab-ci.yml");
    const job = (value as Record<string, { artifacts: { when: string; reports: { junit: string } } }>).layerlint;
    expect(reportFiles((await runRecipeCommand(commands[0]!, false)).args).junit).toBe(job?.artifacts.reports.junit);
    expect(job?.artifacts.when).toBe("always");
  });

  it("the hooks pass the staged files: the report covers only them", async () => {
    for (const file of ["lintstagedrc.yml", "pre-commit-config.yaml"]) {
      const { run } = await runRecipeCommand(readRecipe(file).commands[0]!, true);
      expect(run.stdout).toContain("src/http/users-route.ts:2:1");
      expect(run.stdout).not.toContain("src/main.ts");
    }
  });
});
