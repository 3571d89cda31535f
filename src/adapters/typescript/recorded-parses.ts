import { createHash } from "node:crypto";
import { join } from "node:path";
import type { SyntaxProblem } from "../../application/ports.js";

/** What the cruise's own parse of one file says to the syntax check. */
export interface RecordedParse {
  /** Absolute. */
  readonly path: string;
  /** Of the text parsed: the syntax check trusts the record only for the very text it reads itself. */
  readonly hash: string;
  readonly problem: SyntaxProblem | null;
}

export const textHash = (text: string): string => createHash("sha1").update(text).digest("base64");

const recorded = new Map<string, RecordedParse>();

/** Keeps what a cruise parsed in this process; a later record of the same file replaces the earlier one. */
export function rememberParses(parses: readonly RecordedParse[]): void {
  for (const parse of parses) recorded.set(parse.path, parse);
}

/**
 * The first syntax problem of `file` (null for none) as the cruise found it in this very text; undefined when it did
 * not parse it.
 */
export function recalledSyntax(root: string, file: string, text: string): SyntaxProblem | null | undefined {
  return recalledSyntaxOfHash(root, file, textHash(text));
}

/** recalledSyntax, for the text of this hash (textHash). */
export function recalledSyntaxOfHash(root: string, file: string, hash: string): SyntaxProblem | null | undefined {
  const parse = recorded.get(join(root, file));
  return parse !== undefined && parse.hash === hash ? parse.problem : undefined;
}
