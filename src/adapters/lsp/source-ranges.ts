import type { Position, Range } from "vscode-languageserver/node";

/** 0-based offsets of each line's start. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) starts.push(index + 1);
  return starts;
}

function positionAt(starts: readonly number[], offset: number): Position {
  let line = 0;
  while (line + 1 < starts.length && (starts[line + 1] as number) <= offset) line += 1;
  return { line, character: offset - (starts[line] as number) };
}

/**
 * The range of an import's specifier, quotes included, for a statement starting at a 1-based line and
 * column; the rest of that line when the quoted specifier cannot be found after it.
 */
export function specifierRange(text: string, line: number, column: number, specifier: string | null): Range {
  const starts = lineStarts(text);
  const lineStart = starts[line - 1] ?? text.length;
  const statement = Math.min(lineStart + column - 1, text.length);
  const lineEnd = (starts[line] ?? text.length + 1) - 1;
  if (specifier !== null) {
    const found = ['"', "'", "`"]
      .map((quote) => text.indexOf(`${quote}${specifier}${quote}`, statement))
      .filter((index) => index !== -1)
      .sort((a, b) => a - b)[0];
    if (found !== undefined)
      return { start: positionAt(starts, found), end: positionAt(starts, found + specifier.length + 2) };
  }
  return {
    start: { line: line - 1, character: column - 1 },
    end: { line: line - 1, character: Math.max(column - 1, lineEnd - lineStart) },
  };
}

export function contains(range: Range, position: Position): boolean {
  const after =
    position.line > range.start.line ||
    (position.line === range.start.line && position.character >= range.start.character);
  const before =
    position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return after && before;
}

/** The name-like word (letters, digits, `-`, `_`) under a position, or null. */
export function wordAt(text: string, position: Position): string | null {
  const line = text.split("\n")[position.line] ?? "";
  let start = position.character;
  let end = position.character;
  while (start > 0 && /[\w-]/.test(line.charAt(start - 1))) start -= 1;
  while (end < line.length && /[\w-]/.test(line.charAt(end))) end += 1;
  return start === end ? null : line.slice(start, end);
}
