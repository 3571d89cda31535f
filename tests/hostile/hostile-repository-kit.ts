import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import {
  createProject,
  removeProject,
  STACK_FRAME,
  TWO_LAYERS_MAP,
  TWO_LAYERS_SOURCES,
  type ProjectFiles,
} from "./temporary-project.js";

/** The folders made by `repository` and `foreignFile`, removed by `removeRepositories` (call it in afterAll). */
const folders: string[] = [];

export function removeRepositories(): void {
  folders.splice(0).forEach(removeProject);
}

/** A run must be answered well within this; a spawned run the timeout kills has status null. */
export const TIMEOUT_MS = 60_000;
export const FORMATS = ["text", "json", "sarif", "junit", "github", "markdown"] as const;

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

/** A two-layer project in `repo/` (a git repository) of a fresh temporary folder, with extra files. */
export function repository(files: ProjectFiles = {}, map = TWO_LAYERS_MAP): string {
  const folder = createProject(
    Object.fromEntries(
      Object.entries({
        ...TWO_LAYERS_SOURCES,
        "layers.yaml": map,
        ".git/HEAD": "ref: refs/heads/main\n",
        ...files,
      }).map(([path, text]) => [`repo/${path}`, text]),
    ),
  );
  folders.push(folder);
  return join(folder, "repo");
}

export function link(root: string, path: string, target: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  symlinkSync(target, join(root, path));
}

/** A file outside every repository, shaped like /etc/passwd: its lines must never be printed. */
export function foreignFile(): { path: string; lines: string[] } {
  const folder = realpathSync(mkdtempSync(join(tmpdir(), "layerlint-foreign-")));
  folders.push(folder);
  const lines = Array.from(
    { length: 30 },
    (_, index) => `svc${index}:x:${1000 + index}:${1000 + index}:SECRET-${index}-c0ffee:/home/svc${index}:/bin/sh`,
  );
  const path = join(folder, "passwd");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return { path, lines };
}

/** No line of the foreign file, and no piece of its secret field, appears anywhere in the run's output. */
export function expectNoLeak(result: Run, lines: readonly string[]): void {
  const output = `${result.stdout}\n${result.stderr}`;
  expect(output).not.toContain("SECRET");
  expect(output).not.toContain("c0ffee");
  for (const line of lines) expect(output).not.toContain(line.slice(0, 12));
}

export function expectAnswered(result: Run, status: number): void {
  expect(result.status, result.stderr).toBe(status);
  expect(result.seconds).toBeLessThan(TIMEOUT_MS / 1000);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stderr).not.toContain("LL-INTERNAL");
}
