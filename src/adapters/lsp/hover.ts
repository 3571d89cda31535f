import type { Hover, Position } from "vscode-languageserver/node";
import { hoverOnImport, hoverOnLayer } from "../../application/editor-hover.js";
import type { ViolationStoryRenderer } from "../../domain/explain/render-context.js";
import type { MapSession } from "./map-session.js";
import { contains, specifierRange, wordAt } from "./source-ranges.js";

/** The hover at `position` of `path`: a layer name in the map file, or an import in one of the map's files. */
export async function hoverAt(
  session: MapSession,
  path: string,
  position: Position,
  renderViolationStory: ViolationStoryRenderer,
): Promise<Hover | null> {
  const latest = session.latest();
  if (latest === null || !latest.ok) return null;
  const text = await session.textOf(path);
  if (path === session.mapFile) {
    const word = wordAt(text, position);
    const markdown = word === null ? null : hoverOnLayer(latest.analysis, word);
    return markdown === null ? null : { contents: { kind: "markdown", value: markdown } };
  }
  const file = session.relativeToRoot(path);
  for (const found of session.inspector.locateImports(file, text)) {
    const range = specifierRange(text, found.line, found.column, found.specifier);
    if (!contains(range, position)) continue;
    const markdown = await hoverOnImport(latest.analysis, latest.explain, file, found.specifier, renderViolationStory);
    return markdown === null ? null : { contents: { kind: "markdown", value: markdown }, range };
  }
  return null;
}
