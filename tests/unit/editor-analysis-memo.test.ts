import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inThreadSyntaxChecker } from "../../src/adapters/typescript/in-thread-syntax-checker.js";
import { unsavedTextExtractor } from "../../src/adapters/lsp/unsaved-text-extractor.js";
import { isListed, relist } from "../../src/application/analysis-memo.js";
import { analyseForEditor, createEditorMemo, type EditorAnalysis } from "../../src/application/editor-analysis.js";
import { incrementalExtractor } from "../../src/application/incremental-extractor.js";
import { incrementalSyntaxChecker } from "../../src/application/incremental-syntax-checker.js";
import { unsavedTexts, withUnsavedTexts } from "../../src/application/unsaved-texts.js";
import { defaultPorts, onCallingThread } from "../../src/cli/default-ports.js";
import { fixturePath } from "../helpers/run-built-cli.js";

const dir = fixturePath("lsp-workspace");
const request = { mapFile: join(dir, "layers.yaml"), cwd: dir, today: "2026-12-06" };

function reportOf(analysis: EditorAnalysis) {
  if (!analysis.ok) throw new Error(JSON.stringify(analysis.issues));
  return { report: analysis.analysis.report, diagnostics: analysis.diagnostics };
}

describe("the editor's analysis with what the session keeps between changes", () => {
  it("gives what an analysis from scratch gives, before and after a change of unsaved text", async () => {
    const base = defaultPorts({ syntax: inThreadSyntaxChecker });
    const unsaved = unsavedTexts();
    const fileSystem = withUnsavedTexts(base.fileSystem, unsaved);
    const session = unsavedTextExtractor(onCallingThread(base.extractor), unsaved);
    const extractor = incrementalExtractor(session);
    const syntax = incrementalSyntaxChecker(fileSystem, base.inspector, base.syntax);
    const ports = { ...base, fileSystem, extractor, syntax };
    const fresh = () => analyseForEditor({ ...base, fileSystem, extractor: session }, request);
    const memo = createEditorMemo();

    const first = reportOf(await analyseForEditor(ports, { ...request, memo }));
    expect(first).toEqual(reportOf(await fresh()));
    expect(first.report.violations.map((violation) => violation.kind)).toContain("cycle");
    expect(isListed(memo.analysis, "src/domain/order.ts")).toBe(true);
    expect(isListed(memo.analysis, "src/domain/absent.ts")).toBe(false);

    // The same again: answered from what was kept, the very same diagnostics for the violations but size.
    const again = reportOf(await analyseForEditor(ports, { ...request, memo }));
    expect(again).toEqual(first);
    const ofViolations = (found: typeof first) =>
      found.diagnostics.filter(
        // Line counts are read on every analysis: a size violation is new each time.
        (one) => one.violationId !== null && !one.violationId.startsWith("size-"),
      );
    expect(ofViolations(again).length).toBeGreaterThan(0);
    expect(ofViolations(again).every((one, index) => one === ofViolations(first)[index])).toBe(true);

    // order.ts drops its import of route.ts in the editor: its layer violation and the loop go.
    const order = join(dir, "src/domain/order.ts");
    unsaved.set(order, readFileSync(order, "utf8").replace('import type { route } from "../http/route.js";\n', ""));
    extractor.changed(["src/domain/order.ts"]);
    syntax.changed(["src/domain/order.ts"]);
    relist(memo.analysis);
    expect(isListed(memo.analysis, "src/domain/order.ts")).toBe(false);
    const changed = reportOf(await analyseForEditor(ports, { ...request, memo }));
    expect(changed).toEqual(reportOf(await fresh()));
    expect(changed.report.violations.filter((violation) => violation.from === "src/domain/order.ts")).toHaveLength(1);

    // Warming up and forgetting (a tsconfig changed) change nothing of the answer.
    await extractor.warmUp();
    extractor.reset();
    expect(reportOf(await analyseForEditor(ports, { ...request, memo }))).toEqual(changed);
  }, 60_000);
});
