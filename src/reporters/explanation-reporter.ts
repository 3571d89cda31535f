import type { MapPointer } from "../domain/diagnostics/diagnostic.js";
import type { ImportEdge } from "../domain/explain/explain-context.js";
import type { FileExplanation } from "../domain/explain/explain-file.js";
import type { LayerPairExplanation } from "../domain/explain/explain-layers.js";
import type { StoryLine, ViolationStory } from "../domain/explain/explain-violation.js";
import type { RenderContext } from "../domain/explain/render-context.js";
import { quoted } from "../domain/quoted-name.js";

const VERDICT_MARK = { allowed: "ok  ", violation: "FAIL", "not-checked": "--  " } as const;

/** Why `explain FILE` lists no verdicts for a file that is not checked. */
const NOT_CHECKED_BECAUSE: Readonly<Record<Exclude<FileExplanation["status"], "checked">, string>> = {
  excluded: "the file is excluded",
  "not-source": "not a source file",
  "not-included": "the file is not under include",
};

export function renderFileExplanation(explanation: FileExplanation, context: RenderContext): string {
  const lines = [context.shown(explanation.file)];
  if (explanation.context !== null) lines.push(`  context: ${explanation.context}`);
  if (explanation.layer === null) {
    lines.push(`  layer: none: ${explanation.unclaimedReason ?? ""}`);
    const suggestion = explanation.suggestion;
    if (suggestion !== null)
      lines.push(
        suggestion.layer === null
          ? `  suggestion: ${suggestion.reason}`
          : `  suggestion: layer ${suggestion.layer}: ${suggestion.reason}`,
      );
  } else {
    lines.push(
      `  layer: ${explanation.layer}, by the glob ${quoted(explanation.glob ?? "")}${at(explanation.at, context)}`,
    );
    if (explanation.alsoClaimedBy.length > 0)
      lines.push(`  also matched by ${explanation.alsoClaimedBy.join(", ")}: the first layer in map order wins`);
    const others = explanation.mayImport.length > 0 ? `, ${explanation.mayImport.join(", ")}` : "";
    lines.push(`  may import: ${explanation.layer} itself${others}`);
    lines.push(`  may use: ${explanation.mayUse ?? ""}`);
  }
  if (explanation.status !== "checked") {
    lines.push(`  imports: not checked (${NOT_CHECKED_BECAUSE[explanation.status]})`);
    return `${lines.join("\n")}\n`;
  }
  lines.push(explanation.imports.length === 0 ? "  imports: none" : `  imports (${explanation.imports.length}):`);
  const rows = explanation.imports
    .map((verdict) => ({ verdict, position: context.position(explanation.file, verdict.specifier) }))
    .sort(
      (a, b) =>
        (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0),
    );
  for (const { verdict, position } of rows) {
    const line = position === null ? "?" : `${position.line}:${position.column}`;
    const shownTarget = verdict.local ? context.shown(verdict.target) : verdict.target;
    const target = verdict.targetLayer === null ? shownTarget : `${shownTarget} (${verdict.targetLayer})`;
    lines.push(`    ${VERDICT_MARK[verdict.verdict]} ${line}  ${quoted(verdict.specifier)} → ${target}`);
    lines.push(`         ${verdict.rule}${at(verdict.at, context)}`);
  }
  return `${lines.join("\n")}\n`;
}

export function renderLayerPairExplanation(explanation: LayerPairExplanation, context: RenderContext): string {
  const { from, to } = explanation;
  const verdict = explanation.allowed ? "allowed" : "not allowed";
  const lines = [`${from} → ${to}: ${verdict}: ${explanation.reason}${at(explanation.at, context)}`];
  if (explanation.direct.length > 0) {
    const verb = explanation.allowed ? "" : " (each is a violation)";
    lines.push(`imports from ${from} to ${to} (${explanation.direct.length})${verb}:`);
    for (const edge of explanation.direct) lines.push(`  ${edgeText(edge, context)}`);
  } else if (from !== to) {
    lines.push(`no file of ${from} imports a file of ${to}`);
    if (explanation.chain === null) lines.push(`${from} does not reach ${to} through other files either`);
    else {
      lines.push(`${from} reaches ${to} indirectly, shortest chain (${explanation.chain.length} imports):`);
      for (const edge of explanation.chain) lines.push(`  ${edgeText(edge, context)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

export function renderViolationStory(story: ViolationStory, context: RenderContext): string {
  const { violation } = story;
  const lines = [`${violation.id}: ${violation.message} (${violation.severity}, rule ${violation.rule})`];
  if (violation.line !== null) {
    lines.push(
      `  ${context.shown(violation.from)}:${violation.line}:${violation.column}  ${quoted(violation.specifier ?? "")}`,
    );
    for (const location of violation.locations.slice(1))
      lines.push(`    also at ${location.line}:${location.column}  ${quoted(location.specifier)}`);
  }
  lines.push("why:");
  for (const line of story.story) lines.push(`  ${storyText(line, context)}`);
  lines.push("what to do:");
  for (const line of story.remedies) lines.push(`  ${storyText(line, context)}`);
  return `${lines.join("\n")}\n`;
}

function storyText(line: StoryLine, context: RenderContext): string {
  return `${line.text}${at(line.at, context)}`;
}

function edgeText(edge: ImportEdge, context: RenderContext): string {
  const position = context.position(edge.from, edge.specifier);
  const where = position === null ? "" : `:${position.line}:${position.column}`;
  return `${context.shown(edge.from)}${where}  ${quoted(edge.specifier)} → ${context.shown(edge.to)}`;
}

function at(pointer: MapPointer | null, context: RenderContext): string {
  return pointer === null ? "" : ` (${context.where(pointer)})`;
}
