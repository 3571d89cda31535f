import { writeFileSync } from "node:fs";
import { join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuiltCli } from "../helpers/run-built-cli.js";
import { startLspSession, type LspSession } from "./lsp-client.js";

const FILES = [
  "src/db/index.ts",
  "src/db/internal/rows.ts",
  "src/domain/order.ts",
  "src/domain/user.ts",
  "src/http/route.ts",
  "src/long/big.ts",
  "src/main.ts",
];
const PACKAGES = ["node:fs", "node:path", "zod"];

function specifierFor(from: string, target: string): string {
  if (!target.startsWith("src/")) return target;
  const path = posix.relative(posix.dirname(from), target).replace(/\.ts$/, ".js");
  return path.startsWith(".") ? path : `./${path}`;
}

/** A source file made of the chosen imports, and some lines so that size limits come and go. */
function sourceOf(file: string, targets: readonly string[], padding: number): string {
  const imports = targets
    .filter((target) => target !== file)
    .map((target) => `import "${specifierFor(file, target)}";`);
  return [...imports, ...Array.from({ length: padding }, (_, index) => `export const n${index} = ${index};`), ""].join(
    "\n",
  );
}

const edit = fc.record({
  file: fc.constantFrom(...FILES),
  targets: fc.subarray([...FILES, ...PACKAGES]),
  padding: fc.nat(4),
});

/** One line per finding: file, code, severity, line, and the message's first line; sorted. */
function fromReport(report: any): string[] {
  const lines: string[] = [];
  for (const violation of report.violations) {
    const at = violation.locations.length === 0 ? [violation.line ?? 1] : violation.locations.map((l: any) => l.line);
    for (const line of at)
      lines.push(`${violation.from} ${violation.rule} ${violation.severity} ${line} ${violation.message}`);
  }
  for (const warning of report.warnings)
    lines.push(`${warning.file ?? "layers.yaml"} ${warning.code} warn 1 ${warning.message}`);
  return lines.sort();
}

function fromServer(session: LspSession): string[] {
  const lines: string[] = [];
  for (const [uri, diagnostics] of session.published()) {
    const file = posix.relative(session.dir, fileURLToPath(uri));
    for (const diagnostic of diagnostics)
      lines.push(
        `${file} ${diagnostic.code} ${diagnostic.severity === 1 ? "error" : "warn"} ${diagnostic.range.start.line + 1} ${diagnostic.message.split("\nfix: ")[0]}`,
      );
  }
  return lines.sort();
}

let session: LspSession;
beforeAll(async () => {
  session = await startLspSession("lsp-workspace");
  await session.waitFor("src/domain/order.ts", (found) => found.length > 0);
});
afterAll(async () => {
  await session.close();
});

describe("the language server's diagnostics after any sequence of edits", () => {
  it("equal what layerlint check reports on the files as saved", async () => {
    const opened = new Set<string>();
    let version = 1;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        const saved = new Map<string, string>();
        for (const { file, targets, padding } of edits) {
          const text = sourceOf(file, targets, padding);
          if (!opened.has(file)) {
            opened.add(file);
            await session.open(file, text);
          } else await session.change(file, text, ++version);
          saved.set(file, text);
        }
        for (const [file, text] of saved) writeFileSync(join(session.dir, file), text);
        const check = runBuiltCli(["check", "--format", "json", "--no-cache"], session.dir);
        expect(check.status === 0 || check.status === 1, check.stderr).toBe(true);
        const expected = fromReport(JSON.parse(check.stdout));
        const deadline = Date.now() + 40_000;
        while (Date.now() < deadline && fromServer(session).join("\n") !== expected.join("\n"))
          await new Promise((resolve) => setTimeout(resolve, 200));
        expect(fromServer(session)).toEqual(expected);
      }),
      { seed: 14, numRuns: 4 },
    );
  }, 600_000);
});
