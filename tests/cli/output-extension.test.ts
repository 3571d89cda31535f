import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixturePath } from "../helpers/run-built-cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { sharedCheckCache } from "../helpers/shared-check-cache.js";

/** `-o FILE` without `--format`: the extension chooses the format; both given and disagreeing: exit 2. */

const FIXTURE = fixturePath("small-backend");
const CACHE = sharedCheckCache();
const out = mkdtempSync(join(tmpdir(), "layerlint-output-extension-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const written = async (name: string, ...args: string[]) => {
  const file = join(out, name);
  const run = await runInProcess([...args, "--output", file, ...(args[0] === "check" ? CACHE : [])], FIXTURE);
  return { run, text: existsSync(file) ? readFileSync(file, "utf8") : null };
};

describe("check -o FILE", () => {
  it.each([
    ["report.sarif", /^\{\n\s+"\$schema": "https:\/\/[^"]*sarif/],
    ["report.xml", /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="layerlint"/],
    ["report.json", /^\{\n\s+"version": /],
    ["report.md", /^#+ /],
    ["report.txt", /^transport-may-not-import-persistence /m],
  ])("%s: the extension chooses the format", async (name, expected) => {
    const { run, text } = await written(name, "check");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(text).toMatch(expected);
  });

  it("--format and an extension that disagree: exit 2 naming both, nothing written", async () => {
    const { run, text } = await written("disagree.sarif", "check", "--format", "text");
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      `--format text disagrees with --output ${join(out, "disagree.sarif")}: a .sarif file gets format sarif; drop --format, or name the file for text`,
    );
    expect(text).toBeNull();
  });

  it("--format and an extension that agree, or an extension that means nothing: --format wins", async () => {
    expect((await written("agree.sarif", "check", "--format", "sarif")).run.status).toBe(1);
    const { text } = await written("report.log", "check", "--format", "json");
    expect(JSON.parse(text as string)).toHaveProperty("violations");
  });
});

describe("graph and compile -o FILE", () => {
  it("graph -o arch.svg writes SVG, -o arch.dot DOT; --format mermaid -o arch.svg is exit 2", async () => {
    expect((await written("arch.svg", "graph")).text).toMatch(/<svg[\s>]/);
    expect((await written("arch.dot", "graph")).text).toMatch(/^digraph /m);
    const { run } = await written("mismatch.svg", "graph", "--format", "mermaid");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--format mermaid disagrees with --output");
  });

  it("compile -o config.cjs writes CommonJS", async () => {
    const { run, text } = await written("config.cjs", "compile");
    expect(run.status).toBe(0);
    expect(text).toMatch(/module\.exports = /);
  });
});
