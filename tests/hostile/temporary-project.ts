import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A project as a literal: file path (relative, forward slashes) → contents. */
export type ProjectFiles = Readonly<Record<string, string | Uint8Array>>;

/** Writes the files into a fresh folder under the OS temp folder, in the order given; returns its real path. */
export function createProject(files: ProjectFiles, order: readonly string[] = Object.keys(files)): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "layerlint-hostile-")));
  for (const path of order) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), files[path] as string | Uint8Array);
  }
  return root;
}

export function removeProject(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** Two layers in src/a and src/b, b may import a: a clean baseline every hostile variant starts from. */
export const TWO_LAYERS_MAP =
  "version: 1\nlayers:\n  a: { paths: [src/a/**] }\n  b: { paths: [src/b/**], mayImport: [a] }\n";

export const TWO_LAYERS_SOURCES: ProjectFiles = {
  "src/a/a.ts": "export const a = 1;\n",
  "src/b/b.ts": 'import { a } from "../a/a.js";\nexport const b = a;\n',
};

/** A stack frame as Node prints it ("    at fn (file:1:2)"). */
export const STACK_FRAME = /^\s+at\s/m;
