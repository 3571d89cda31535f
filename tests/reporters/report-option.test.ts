import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixturePath } from "../helpers/run-built-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { sharedCheckCache } from "../helpers/shared-check-cache.js";
import { readGolden } from "./fixture-reports.js";

const GOLDEN_BY_FORMAT = {
  text: "small-backend.txt",
  json: "small-backend.json",
  sarif: "small-backend.sarif",
  junit: "small-backend.junit.xml",
  github: "small-backend.github.txt",
  markdown: "small-backend.md",
} as const;

const CACHE = sharedCheckCache();
const out = mkdtempSync(join(tmpdir(), "layerlint-reports-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("check --format and --report", () => {
  const cwd = fixturePath("small-backend");

  for (const [format, golden] of Object.entries(GOLDEN_BY_FORMAT)) {
    it(`--format ${format} prints the golden report and exits 1`, async () => {
      const run = await runInProcess(["check", "--format", format, ...CACHE], cwd);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(1);
      expect(run.stdout).toBe(readGolden(golden));
    });
  }

  it("--report FORMAT=FILE (repeatable) writes every report of the same run, and stdout keeps --format", async () => {
    const args = Object.entries(GOLDEN_BY_FORMAT).flatMap(([format, golden]) => [
      "--report",
      `${format}=${join(out, golden)}`,
    ]);
    const run = await runInProcess(["check", ...args, ...CACHE], cwd);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(readGolden("small-backend.txt"));
    for (const golden of Object.values(GOLDEN_BY_FORMAT))
      expect(readFileSync(join(out, golden), "utf8"), golden).toBe(readGolden(golden));
    expect(readdirSync(out).sort()).toEqual(Object.values(GOLDEN_BY_FORMAT).sort());
  });

  it("a map in a subfolder: CI formats name files from the working directory, JSON keeps the map's paths", async () => {
    const parent = fixturePath("");
    const github = await runInProcess(
      ["check", "-c", "small-backend/layers.yaml", "--format", "github", "--report", `json=${join(out, "sub.json")}`],
      parent,
    );
    expect(github.stdout.split("\n")[0]).toMatch(
      /^::error file=small-backend\/src\/http\/users-route\.ts,line=2,col=1,/,
    );
    expect(JSON.parse(readFileSync(join(out, "sub.json"), "utf8")).violations[0].from).toBe("src/http/users-route.ts");
  });

  it("a clean project exits 0 with every format", async () => {
    for (const format of Object.keys(GOLDEN_BY_FORMAT)) {
      expect(
        (await runInProcess(["check", "--format", format, ...CACHE], fixturePath("clean-backend"))).status,
        format,
      ).toBe(0);
    }
  });

  it.each([
    [
      ["--report", "sarif"],
      "error: option '--report <format=file>' argument 'sarif' is invalid. expected FORMAT=FILE with FORMAT one of text, json, sarif, junit, github, markdown, for example sarif=layerlint.sarif.",
    ],
    [
      ["--report", "pdf=x.pdf"],
      "error: option '--report <format=file>' argument 'pdf=x.pdf' is invalid. expected FORMAT=FILE with FORMAT one of text, json, sarif, junit, github, markdown, for example sarif=layerlint.sarif.",
    ],
    [
      ["--report", "sarif="],
      "error: option '--report <format=file>' argument 'sarif=' is invalid. expected FORMAT=FILE with FORMAT one of text, json, sarif, junit, github, markdown, for example sarif=layerlint.sarif.",
    ],
  ])("a malformed --report %j is a usage error (exit 2) naming the formats", async (args, message) => {
    const run = await runInProcess(["check", ...args], cwd);
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(message);
  });

  it("two reports to one file are a usage error before anything runs", async () => {
    const file = join(out, "same.txt");
    const run = await runInProcess(["check", "--output", file, "--report", `sarif=${file}`], cwd);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`layerlint: ${file} is named by more than one of --output and --report [LL-USAGE]\n`);
  });
});
