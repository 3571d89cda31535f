import type { ParsedYaml } from "./ports.js";
import { defined } from "../domain/collections/defined.js";

/** Text to insert into the map at a 1-based line and column. */
export interface TextInsertion {
  readonly line: number;
  readonly column: number;
  readonly text: string;
}

/** The value at a key path of the parsed map; undefined when absent (`locate` then answers the closest ancestor). */
function valueAt(parsed: ParsedYaml, keyPath: readonly (string | number)[]): unknown {
  let current: unknown = parsed.value;
  for (const part of keyPath) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

const has = (parsed: ParsedYaml, keyPath: readonly (string | number)[]) => valueAt(parsed, keyPath) !== undefined;

export const EXCEPTION_REASON_PLACEHOLDER = "TODO: why this import is tolerated";

/**
 * An exception for one import (`from` a file, `to` a file or a package), its reason a placeholder to
 * fill in: the first entry of `exceptions`, or a new `exceptions` list at the end of the map. Null
 * when `exceptions` is there but not a list this can add to.
 */
export function exceptionInsertion(text: string, parsed: ParsedYaml, from: string, to: string): TextInsertion | null {
  const fields = {
    from: JSON.stringify(from),
    to: JSON.stringify(to),
    reason: JSON.stringify(EXCEPTION_REASON_PLACEHOLDER),
  };
  const lines = text.split("\n");
  if (!has(parsed, ["exceptions"])) {
    const last = lines.length;
    const separator = text.length === 0 || text.endsWith("\n") ? "" : "\n";
    return {
      line: last,
      column: text.length - text.lastIndexOf("\n"),
      text: `${separator}exceptions:\n  - from: ${fields.from}\n    to: ${fields.to}\n    reason: ${fields.reason}\n`,
    };
  }
  const first = has(parsed, ["exceptions", 0]) ? parsed.locate(["exceptions", 0]) : null;
  if (first === null) return null;
  const before = defined(lines[first.line - 1], "the line of the first exception").slice(0, first.column - 1);
  if (before.trimEnd().endsWith("[") || before.trimEnd().endsWith(","))
    return {
      ...first,
      text: `{ from: ${fields.from}, to: ${fields.to}, reason: ${fields.reason} }, `,
    };
  if (!before.trimEnd().endsWith("-")) return null;
  const indent = " ".repeat(before.trimEnd().length - 1);
  return {
    line: first.line,
    column: 1,
    text: `${indent}- from: ${fields.from}\n${indent}  to: ${fields.to}\n${indent}  reason: ${fields.reason}\n`,
  };
}

/**
 * `target` added to `layers.<layer>.mayImport`: into its list (flow or block), or as a new key beside
 * the layer's `paths`. Null when the map's layout is not one this can edit.
 */
export function mayImportInsertion(
  text: string,
  parsed: ParsedYaml,
  layer: string,
  target: string,
): TextInsertion | null {
  const lines = text.split("\n");
  const lineOf = (line: number) => lines[line - 1] ?? "";
  if (!has(parsed, ["layers", layer, "paths"])) return null;
  if (!has(parsed, ["layers", layer, "mayImport"])) {
    const layerKey = parsed.locate(["layers", layer], true);
    const paths = parsed.locate(["layers", layer, "paths"], true);
    if (layerKey === null || paths === null) return null;
    if (paths.line === layerKey.line) return { ...paths, text: `mayImport: [${target}], ` };
    return { line: paths.line, column: 1, text: `${" ".repeat(paths.column - 1)}mayImport: [${target}]\n` };
  }
  const list = parsed.locate(["layers", layer, "mayImport"]);
  if (list === null) return null;
  const first = has(parsed, ["layers", layer, "mayImport", 0])
    ? parsed.locate(["layers", layer, "mayImport", 0])
    : null;
  if (lineOf(list.line).charAt(list.column - 1) === "[") {
    const offsetInLine = lineOf(list.line).indexOf("]", list.column - 1);
    if (offsetInLine === -1) return null;
    return { line: list.line, column: offsetInLine + 1, text: first === null ? target : `, ${target}` };
  }
  if (first === null) return null;
  const before = lineOf(first.line).slice(0, first.column - 1);
  if (!before.trimEnd().endsWith("-")) return null;
  return { line: first.line, column: 1, text: `${" ".repeat(before.trimEnd().length - 1)}- ${target}\n` };
}
