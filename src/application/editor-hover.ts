import { explainLayers } from "../domain/explain/explain-layers.js";
import { explainViolation } from "../domain/explain/explain-violation.js";
import type { ViolationStoryRenderer } from "../domain/explain/render-context.js";
import { packageNameOf } from "../domain/packages/package-name.js";
import { plural } from "../domain/plural.js";
import { compareText } from "../domain/violations/violation.js";
import type { ProjectAnalysis } from "./analyze-project.js";
import type { ExplainSetup } from "./explain-setup.js";

/**
 * Markdown for an import under the cursor: the importing and imported layers (and contexts), and why
 * the edge is allowed or forbidden (the `explain --violation` text when it is a violation). Null when
 * the analysis does not know this import (typed since the last analysis, or not a checked file).
 */
export async function hoverOnImport(
  analysis: ProjectAnalysis,
  explain: ExplainSetup,
  file: string,
  specifier: string,
  renderViolationStory: ViolationStoryRenderer,
): Promise<string | null> {
  const dependency = analysis.modules
    .find((module) => module.source === file)
    ?.dependencies.find((candidate) => candidate.specifier === specifier);
  if (dependency === undefined) return null;
  const { classifier, contexts } = analysis;
  const side = (path: string) => {
    const layer = classifier.layerOf(path);
    const context = contexts.contextOf(path);
    const layerWords = layer === null ? "no layer" : `layer **${layer}**`;
    const contextWords = context === null ? "" : `, context **${context}**`;
    return `\`${path}\` (${layerWords}${contextWords})`;
  };
  const local = dependency.target === "local";
  const target = local
    ? side(dependency.resolved)
    : `package \`${packageNameOf(specifier, dependency.target === "builtin")}\``;
  const lines = [`layerlint: ${side(file)} → ${target}`, ""];
  const violations = analysis.report.violations.filter(
    (violation) => violation.from === file && violation.locations.some((location) => location.specifier === specifier),
  );
  const render = await explain.renderContext([file]);
  for (const violation of violations)
    lines.push("```text", renderViolationStory(explainViolation(explain.context, violation), render).trimEnd(), "```");
  if (violations.length === 0) lines.push(allowedBecause(analysis, explain, file, dependency.resolved, local, render));
  return lines.join("\n");
}

function allowedBecause(
  analysis: ProjectAnalysis,
  explain: ExplainSetup,
  file: string,
  resolved: string,
  local: boolean,
  render: Awaited<ReturnType<ExplainSetup["renderContext"]>>,
): string {
  const fromLayer = analysis.classifier.layerOf(file);
  if (fromLayer === null) return "Not checked: no layer claims this file.";
  if (!local) {
    const layer = analysis.loaded.map.layers.find((candidate) => candidate.name === fromLayer);
    return layer?.packages === null
      ? `Allowed: ${fromLayer} has no packages list, so it may use any package.`
      : `Allowed: the package is on layers.${fromLayer}.packages.`;
  }
  const toLayer = analysis.classifier.layerOf(resolved);
  if (toLayer === null) return "Not checked: no layer claims the imported file.";
  const pair = explainLayers(explain.context, fromLayer, toLayer);
  return `Allowed: ${pair.reason}${pair.at === null ? "" : ` (${render.where(pair.at)})`}.`;
}

/** Markdown for a layer name in the map: how many checked files it claims, and who imports it. */
export function hoverOnLayer(analysis: ProjectAnalysis, layer: string): string | null {
  if (!analysis.loaded.map.layers.some((candidate) => candidate.name === layer)) return null;
  const { classifier } = analysis;
  const files = analysis.selection.checked.filter((file) => classifier.layerOf(file) === layer).length;
  const importers = new Map<string, { imports: number; files: Set<string> }>();
  for (const module of analysis.modules) {
    const from = classifier.layerOf(module.source);
    if (from === null || from === layer) continue;
    for (const dependency of module.dependencies) {
      if (dependency.target !== "local" || classifier.layerOf(dependency.resolved) !== layer) continue;
      const tally = importers.get(from) ?? { imports: 0, files: new Set<string>() };
      tally.imports += 1;
      tally.files.add(module.source);
      importers.set(from, tally);
    }
  }
  const imported = [...importers.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(
      ([from, tally]) => `- **${from}**: ${plural(tally.imports, "import")} from ${plural(tally.files.size, "file")}`,
    );
  return [
    `layer **${layer}**: ${files} checked file${files === 1 ? "" : "s"}`,
    "",
    imported.length === 0 ? "No other layer imports it." : "Imported by:",
    ...imported,
  ].join("\n");
}
