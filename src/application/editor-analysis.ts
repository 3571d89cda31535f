import { ConfigurationError, type ConfigurationIssue } from "../domain/errors.js";
import { editorDiagnostics, type EditorDiagnostic } from "../domain/editor/editor-diagnostic.js";
import { analyzeProject, type ProjectAnalysis } from "./analyze-project.js";
import { setUpExplain, type ExplainPorts, type ExplainSetup } from "./explain-setup.js";
import { loadLayerMap } from "./load-layer-map.js";
import { createAnalysisMemo, type AnalysisMemo } from "./analysis-memo.js";
import type { Violation } from "../domain/violations/violation.js";

export interface EditorAnalysisRequest {
  readonly mapFile: string;
  /** The workspace folder: map problems name files relative to it. */
  readonly cwd: string;
  /** YYYY-MM-DD, as `check` takes it. */
  readonly today: string;
  /** What the session keeps between analyses; the diagnostics are the same without it. */
  readonly memo?: EditorMemo;
}

/** The analysis memo and each violation's diagnostics, kept by a long-lived session. */
export interface EditorMemo {
  readonly analysis: AnalysisMemo;
  readonly diagnostics: WeakMap<Violation, readonly EditorDiagnostic[]>;
}

export function createEditorMemo(): EditorMemo {
  return { analysis: createAnalysisMemo(), diagnostics: new WeakMap() };
}

export type EditorAnalysis =
  | {
      readonly ok: true;
      readonly analysis: ProjectAnalysis;
      readonly explain: ExplainSetup;
      readonly diagnostics: readonly EditorDiagnostic[];
    }
  | { readonly ok: false; readonly issues: readonly ConfigurationIssue[] };

/**
 * What `check` finds, for an editor: the same loading of the map and the same analysis (through
 * whatever ports the editor gives it: unsaved texts, a graph kept in memory), and a map that does not
 * load is a result, its problems placed in the map's files.
 */
export async function analyseForEditor(ports: ExplainPorts, request: EditorAnalysisRequest): Promise<EditorAnalysis> {
  try {
    const loaded = await loadLayerMap(ports, request.mapFile, request.cwd);
    const analysis = await analyzeProject(ports, { loaded, today: request.today, memo: request.memo?.analysis });
    const explain = await setUpExplain(ports, { loaded, cwd: request.cwd }, analysis);
    return { ok: true, analysis, explain, diagnostics: editorDiagnostics(analysis.report, request.memo?.diagnostics) };
  } catch (error) {
    if (error instanceof ConfigurationError) return { ok: false, issues: error.issues };
    throw error;
  }
}
