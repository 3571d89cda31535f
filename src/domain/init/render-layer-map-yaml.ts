import type { Layer } from "../map/layer-map.js";
import type { VocabularyPlan } from "./plan-by-vocabulary.js";
import type { InitPlan } from "./plan-layer-map.js";
import { listed } from "../quoted-name.js";

export interface RenderInput {
  readonly plan: InitPlan;
  readonly name: string;
  readonly include: readonly string[];
}

/** The `layers.yaml` init writes: the plan as a standalone map, a comment above every layer. */
export function renderLayerMapYaml({ plan, name, include }: RenderInput): string {
  const fitted = `${plan.classified} of ${plan.files} source files`;
  const lines = [
    "# yaml-language-server: $schema=./node_modules/layerlint/schema/layer-map.schema.json",
    `# Written by \`layerlint init\` after ${plan.candidate.origin}, which fitted ${fitted}.`,
    "# The globs name this project's folders. Layers are in priority order: a file belongs to the first",
    "# layer whose paths match it. A layer may always import itself; `mayImport` lists the other layers it",
    "# may import; `packages` absent means any package, `[]` none. Files no layer claims are reported at",
    "# severity warn: `layerlint doctor` suggests a layer for each folder of them.",
    "version: 1",
    `name: ${quote(name)}`,
    `include: ${list(include)}`,
    `exclude: ${list(plan.candidate.exclude)}`,
    "options:",
    "  unassigned: warn",
    "layers:",
  ];
  for (const layer of plan.layers) {
    lines.push(...wrap(layer.comment).map((line) => `  # ${line}`));
    lines.push(`  ${layer.name}:`);
    lines.push(`    paths: ${list(layer.paths)}`);
    lines.push(`    mayImport: ${list(layer.mayImport)}`);
    if (layer.packages !== null) lines.push(`    packages: ${list(layer.packages)}`);
    if (layer.description !== null) lines.push(`    description: ${quote(layer.description)}`);
  }
  return `${lines.join("\n")}\n`;
}

function list(items: readonly string[]): string {
  return `[${items.map(quote).join(", ")}]`;
}

function quote(text: string): string {
  return JSON.stringify(text);
}

/** Comment lines of at most about 100 characters, split at spaces. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(" ")) {
    if (current !== "" && current.length + word.length + 1 > 96) {
      lines.push(current);
      current = word;
    } else current = current === "" ? word : `${current} ${word}`;
  }
  return [...lines, current];
}

export interface VocabularyRenderInput {
  readonly plan: VocabularyPlan;
  readonly name: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

/** The `layers.yaml` init writes from the vocabulary: layers, contexts, unassigned files at severity warn. */
export function renderVocabularyMapYaml({ plan, name, include, exclude }: VocabularyRenderInput): string {
  const placed = `${plan.files - plan.unassigned.length} of ${plan.files} source files`;
  const lines = [
    "# yaml-language-server: $schema=./node_modules/layerlint/schema/layer-map.schema.json",
    `# Written by \`layerlint init\`, which placed ${placed} by their folder and file names.`,
    "# A file belongs to the layer whose paths match it; an entry starting with `!` removes files from the entries",
    "# before it. `mayImport` lists the other layers a layer may import. Files no layer claims are reported at",
    "# severity warn: `layerlint doctor` suggests a layer for each folder of them.",
    "version: 1",
    `name: ${quote(name)}`,
    `include: ${list(include)}`,
    `exclude: ${list(exclude)}`,
    "options:",
    "  unassigned: warn",
  ];
  if (plan.contexts !== null) {
    const kernel = plan.contexts.shared.length > 0 ? " and the shared kernel" : "";
    lines.push(
      `# contexts: ${plan.contexts.names.map(listed).join(", ")}; each may import only itself${kernel}.`,
      "contexts:",
      `  pattern: ${quote(plan.contexts.pattern)}`,
    );
    if (plan.contexts.shared.length > 0) lines.push(`  shared: ${list(plan.contexts.shared)}`);
  }
  lines.push("layers:");
  for (const layer of plan.layers) {
    lines.push(...wrap(layer.comment).map((line) => `  # ${line}`));
    lines.push(`  ${layer.name}:`);
    lines.push(`    paths: ${list(layer.paths)}`);
    lines.push(`    mayImport: ${mayImportList(layer)}`);
    if (layer.description !== null) lines.push(`    description: ${quote(layer.description)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** `mayImport` with the tolerated layers last, as `{ layer, severity: warn, reason }` entries. */
function mayImportList(layer: Layer): string {
  const tolerated = (layer.warnImports ?? []).map((allowance) => {
    const reason = allowance.reason === null ? "" : `, reason: ${quote(allowance.reason)}`;
    return `{ layer: ${quote(allowance.layer)}, severity: warn${reason} }`;
  });
  return `[${[...layer.mayImport.map(quote), ...tolerated].join(", ")}]`;
}
