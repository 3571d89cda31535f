import { compileGlobList } from "../glob/compile-glob.js";

/**
 * The simple lines of a .gitignore (`dist/`, `/coverage`, `*.log`, `generated/api`) as map globs;
 * negations and lines the glob compiler cannot take are left out (init only uses these to skip files).
 */
export function gitignoreGlobs(text: string): string[] {
  const globs: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith("!") || line.includes("\\")) continue;
    const anchored = line.startsWith("/") || line.slice(0, -1).includes("/");
    const body = line.replace(/^\/+/, "").replace(/\/+$/, "");
    if (body === "" || body.split("/").includes("..")) continue;
    const base = anchored ? body : `**/${body}`;
    for (const glob of [base, `${base}/**`]) {
      try {
        compileGlobList([glob]);
        globs.push(glob);
      } catch {
        // A line the compiler cannot read skips nothing.
      }
    }
  }
  return [...new Set(globs)];
}
