import { basename, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CodeActionKind, type CodeAction, type Diagnostic } from "vscode-languageserver/node";
import { exceptionInsertion, mayImportInsertion, type TextInsertion } from "../../application/map-edits.js";
import type { YamlReader } from "../../application/ports.js";
import type { MapSession } from "./map-session.js";

export const EXPLAIN_COMMAND = "layerlint.explain";

/**
 * The quick fixes for the violations among a file's diagnostics: an exception and (for a layer violation) a wider
 * mayImport written into the map, and the Explain command.
 */
export async function quickFixes(
  session: MapSession,
  yaml: YamlReader,
  uri: string,
  diagnostics: readonly Diagnostic[],
): Promise<CodeAction[]> {
  const latest = session.latest();
  if (latest === null || !latest.ok) return [];
  const { mapFile, rootDir } = session;
  const analysis = latest.analysis;
  const mapUri = pathToFileURL(mapFile).href;
  const mapText = await session.textOf(mapFile);
  const parsed = yaml.parse(mapText);
  const actions: CodeAction[] = [];
  const edit = (title: string, insertion: TextInsertion | null, diagnostic: Diagnostic, preferred: boolean) => {
    if (insertion === null) return;
    const position = { line: insertion.line - 1, character: insertion.column - 1 };
    actions.push({
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: preferred,
      edit: { changes: { [mapUri]: [{ range: { start: position, end: position }, newText: insertion.text }] } },
    });
  };
  for (const diagnostic of diagnostics) {
    const id = (diagnostic.data as { violationId?: string } | undefined)?.violationId;
    const violation = analysis.report.violations.find((candidate) => candidate.id === id);
    if (violation === undefined || fileURLToPath(uri) !== join(rootDir, violation.from)) continue;
    const exceptable = ["layer", "package", "private", "context"].includes(violation.kind) && violation.to !== null;
    if (exceptable)
      edit(
        `Add an exception for ${violation.from} → ${violation.to} to ${basename(mapFile)} (fill in the reason)`,
        exceptionInsertion(mapText, parsed, violation.from, violation.to),
        diagnostic,
        false,
      );
    if (violation.kind === "layer" && violation.severity === "error" && violation.fromLayer && violation.toLayer)
      edit(
        `Widen the architecture: add ${violation.toLayer} to layers.${violation.fromLayer}.mayImport`,
        mayImportInsertion(mapText, parsed, violation.fromLayer, violation.toLayer),
        diagnostic,
        false,
      );
    actions.push({
      title: `Explain ${violation.id} (layerlint explain)`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: "Explain", command: EXPLAIN_COMMAND, arguments: [violation.id, mapFile] },
    });
  }
  return actions;
}
