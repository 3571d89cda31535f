/**
 * The one place where globs become regular expressions. The checker, the rules handed to
 * dependency-cruiser and every diagnostic use these strings, so they can never disagree.
 *
 * Only plain forms are emitted, because dependency-cruiser refuses regexes with nested quantifiers:
 * `**` + `/` → `(?:|[^]*\/)`, a trailing `/**` → `(?:|/[^]*)`, `**` → `[^]*`, `*` → `[^/]*`, `?` → `[^/]`,
 * `{a,b}` → `(?:a|b)`. `[^]` (any character, a newline too) rather than `.`, so a path holding a newline matches.
 * In a list of globs, an entry starting with `!` removes what the entries before it matched (as in
 * .gitignore and globby): each other entry becomes its regex behind a negative look-ahead of the `!`
 * entries after it, so the list stays a plain alternation that a rule's `path` or `pathNot` can hold.
 * Every group is non-capturing, so the one capture a context rule asks for is `$1` in dependency-cruiser.
 * The placeholder `<context>`, a whole path segment, compiles to what `contextAs` says (default `[^/]+`);
 * it names a folder, so a glob ending in it (`src/<context>`, `src/<context>/**`) matches only what is inside.
 */

export class InvalidGlobError extends Error {
  constructor(
    readonly glob: string,
    readonly reason: string,
  ) {
    super(`invalid glob "${glob}": ${reason}`);
    this.name = "InvalidGlobError";
  }
}

/** The one placeholder a path glob may hold: one path segment naming a context. */
export const CONTEXT_PLACEHOLDER = "<context>";

/**
 * What `<context>` becomes: `any` context (`[^/]+`), the `capture` of a rule's from (`([^/]+)`),
 * the `reference` to that capture in the same rule's to (`$1`), or one context by `name`.
 */
export type ContextAs = "any" | "capture" | "reference" | { readonly name: string };

export interface PathGlobOptions {
  readonly contextAs?: ContextAs;
}

/** One entry of a glob list as a regex: `glob` as written, `regex` with the `!` entries after it folded in. */
export interface CompiledGlob {
  readonly glob: string;
  readonly regex: string;
}

const ANY = "[^]*";

/** True for an entry of a glob list that removes files (`!src/**\/*.test.ts`). */
export function isNegatedGlob(glob: string): boolean {
  return glob.startsWith("!");
}

/**
 * A list of globs (`paths`, `public`, `contexts.shared`, `exclude`): one compiled entry per entry
 * without `!`, which matches what that entry matches minus what any `!` entry after it matches. A file
 * is in the list when one of them matches: the last entry matching it is not a `!` entry. A `!` entry
 * before every other entry has nothing to remove and is refused.
 */
export function compileGlobList(globs: readonly string[], options: PathGlobOptions = {}): CompiledGlob[] {
  const [first] = globs;
  if (first !== undefined && isNegatedGlob(first)) assertGlobListEntry(globs, 0);
  // A look-ahead never captures: `<context>` in a `!` entry matches any context.
  const negatedAs: PathGlobOptions = options.contextAs === "capture" ? { contextAs: "any" } : options;
  const compiled: CompiledGlob[] = [];
  const removedAfter: string[] = [];
  let lookAhead = "";
  for (const glob of [...globs].reverse()) {
    if (isNegatedGlob(glob)) {
      removedAfter.push(`${bodyOf(compileNegated(glob, negatedAs))}$`);
      lookAhead = `(?!${removedAfter.join("|")})`;
      continue;
    }
    const regex = compilePathGlob(glob, options);
    compiled.push({ glob, regex: lookAhead === "" ? regex : `^${lookAhead}${regex.slice(1)}` });
  }
  return compiled.reverse();
}

/** Throws the InvalidGlobError of entry `index` of a glob list, naming the entry as written; for validation. */
export function assertGlobListEntry(globs: readonly string[], index: number, options: PathGlobOptions = {}): void {
  const glob = globs[index];
  if (glob === undefined) throw new RangeError(`no glob list entry ${index}`);
  if (!isNegatedGlob(glob)) {
    compilePathGlob(glob, options);
    return;
  }
  if (index === 0) {
    throw new InvalidGlobError(
      glob,
      "a '!' glob removes files that the globs before it matched, and no glob comes before it",
    );
  }
  compileNegated(glob, options.contextAs === "capture" ? { contextAs: "any" } : options);
}

function compileNegated(glob: string, options: PathGlobOptions): string {
  const positive = glob.slice(1);
  if (isNegatedGlob(positive)) throw new InvalidGlobError(glob, "write one '!' at most");
  try {
    return compilePathGlob(positive, options);
  } catch (error) {
    if (error instanceof InvalidGlobError) throw new InvalidGlobError(glob, error.reason);
    throw error;
  }
}

/** A compiled glob without its anchors `^` and `$`: no alternation is left at its top level. */
function bodyOf(regex: string): string {
  return `(?:${regex.slice(1, -1)})`;
}

const REGEX_SPECIALS = new Set([".", "+", "^", "$", "(", ")", "|", "[", "]", "\\", "{", "}", "*", "?"]);
const MAGIC = /[*?{]/;
const PLACEHOLDER_LIKE = /^<[A-Za-z][A-Za-z0-9_-]*>/;
const HAS_PLACEHOLDER = /<[A-Za-z][A-Za-z0-9_-]*>/;
const WILDCARD_OR_PLACEHOLDER = /[*?{]|<[A-Za-z][A-Za-z0-9_-]*>/;

/** A glob over paths relative to the map's folder, anchored at both ends. */
export function compilePathGlob(glob: string, options: PathGlobOptions = {}): string {
  assertBounded(glob);
  try {
    return translatePathGlob(glob, contextRegex(options.contextAs ?? "any"));
  } catch (error) {
    if (error instanceof InvalidGlobError && error.glob !== glob) throw new InvalidGlobError(glob, error.reason);
    throw error;
  }
}

function translatePathGlob(glob: string, context: string): string {
  assertPathGlob(glob);
  const body = glob.startsWith("./") ? glob.slice(2) : glob;
  const trimmed = body.endsWith("/") ? body.slice(0, -1) : body;
  if (!MAGIC.test(trimmed)) {
    const literal = HAS_PLACEHOLDER.test(trimmed)
      ? translate(trimmed, 0, false, context).regex
      : escapeLiteral(trimmed);
    return `^${literal}${folderTail(trimmed)}$`;
  }
  if (trimmed.endsWith("/**")) {
    const folder = trimmed.slice(0, -3);
    return `^${translate(folder, 0, false, context).regex}${folderTail(folder)}$`;
  }
  return `^${translate(trimmed, 0, false, context).regex}$`;
}

/** A folder glob matches the folder and what is inside; `<context>` names folders only, so only what is inside. */
function folderTail(folder: string): string {
  return folder === CONTEXT_PLACEHOLDER || folder.endsWith(`/${CONTEXT_PLACEHOLDER}`) ? `/${ANY}` : `(?:|/${ANY})`;
}

function contextRegex(contextAs: ContextAs): string {
  if (contextAs === "any") return "[^/]+";
  if (contextAs === "capture") return "([^/]+)";
  if (contextAs === "reference") return "$1";
  return escapeLiteral(contextAs.name);
}

/** How many times the placeholder occurs in a glob. */
export function countContextPlaceholders(glob: string): number {
  return glob.split(CONTEXT_PLACEHOLDER).length - 1;
}

/**
 * True when no path can match both globs, which shows in their literal beginnings: every path a
 * glob matches starts with the text before its first wildcard, so two globs whose beginnings differ
 * before either ends match different paths. False means only "maybe": the rule compiler then keeps
 * the exclusion that first-match order needs.
 */
export function globsCannotOverlap(a: string, b: string): boolean {
  const prefixA = literalBeginning(a);
  const prefixB = literalBeginning(b);
  return !prefixA.startsWith(prefixB) && !prefixB.startsWith(prefixA);
}

/**
 * The text every path the glob matches starts with: two globs can overlap only when one's is a prefix of the other's.
 */
export function literalBeginning(glob: string): string {
  const body = glob.startsWith("./") ? glob.slice(2) : glob;
  const wildcard = body.search(WILDCARD_OR_PLACEHOLDER);
  return wildcard < 0 ? body.replace(/\/$/, "") : body.slice(0, wildcard);
}

/** A glob over package names (`express`, `@aws-sdk/*`), unanchored: callers anchor it where it is used. */
export function compileNameGlob(glob: string): string {
  if (glob.trim() === "") throw new InvalidGlobError(glob, "it is empty");
  assertBounded(glob);
  return translate(glob, 0, false, null).regex;
}

/**
 * Several anchored regexes as one alternation, for a single test. The folder and file globs without
 * wildcards (most of a map: `src/domain/**`, `src/main.ts`) share one tail, so they become one regex,
 * `^(?:src/domain|src/main\\.ts)(?:|/[^]*)$`, with one repetition instead of one each: dependency-cruiser
 * refuses a regex of more than 10,000 repetitions, and reads each rule's regex in time linear in its length.
 */
export function unionOf(regexes: readonly string[]): string {
  const literals: string[] = [];
  const others: string[] = [];
  let literalsFirst = false;
  for (const regex of regexes) {
    const folders = literalFolders(regex);
    if (folders === null) others.push(regex);
    else {
      if (literals.length === 0 && others.length === 0) literalsFirst = true;
      literals.push(...folders);
    }
  }
  const merged = literals.length === 0 ? [] : [literalFolderRegex(literals)];
  const all = literalsFirst ? [...merged, ...others] : [...others, ...merged];
  const [only] = all;
  return all.length === 1 && only !== undefined ? only : all.map((regex) => `(?:${regex})`).join("|");
}

const LITERAL_FOLDER_TAIL = `(?:|/${ANY})$`;
/** Plain characters and escaped regex specials: what escapeLiteral writes. */
const ESCAPED_LITERAL = /^(?:[^\\.+^$()|[\]{}*?]|\\[.+^$()|[\]{}*?\\])+$/;

function literalFolderRegex(literals: readonly string[]): string {
  const [only] = literals;
  return literals.length === 1 && only !== undefined
    ? `^${only}${LITERAL_FOLDER_TAIL}`
    : `^(?:${literals.join("|")})${LITERAL_FOLDER_TAIL}`;
}

/** The literal paths of a regex `literalFolderRegex` wrote (a wildcard-free glob's is one), else null. */
function literalFolders(regex: string): string[] | null {
  if (!regex.startsWith("^") || !regex.endsWith(LITERAL_FOLDER_TAIL)) return null;
  const body = regex.slice(1, -LITERAL_FOLDER_TAIL.length);
  if (ESCAPED_LITERAL.test(body)) return [body];
  if (!body.startsWith("(?:") || !body.endsWith(")")) return null;
  const literals = body.slice(3, -1).split("|");
  return literals.every((literal) => ESCAPED_LITERAL.test(literal)) ? literals : null;
}

/** The longest glob and the deepest `{…}` nesting compiled: beyond them a glob is refused, never recursed into. */
export const MAX_GLOB_LENGTH = 1024;
export const MAX_BRACE_DEPTH = 10;

function assertBounded(glob: string): void {
  const shown = glob.length <= 40 ? glob : `${glob.slice(0, 40)}…`;
  if (glob.length > MAX_GLOB_LENGTH)
    throw new InvalidGlobError(shown, `it is ${glob.length} characters long, over the limit of ${MAX_GLOB_LENGTH}`);
  let depth = 0;
  for (const char of glob) {
    if (char === "{") depth += 1;
    else if (char === "}") depth -= 1;
    if (depth > MAX_BRACE_DEPTH)
      throw new InvalidGlobError(
        shown,
        `its braces nest more than ${MAX_BRACE_DEPTH} deep: write the alternatives out`,
      );
  }
}

function assertPathGlob(glob: string): void {
  if (glob.trim() === "") throw new InvalidGlobError(glob, "it is empty");
  if (glob.includes("\\")) throw new InvalidGlobError(glob, "use forward slashes");
  if (glob.startsWith("/") || /^[A-Za-z]:/.test(glob)) {
    throw new InvalidGlobError(glob, "it is absolute; write it relative to the map's folder");
  }
  if (glob.startsWith("!")) {
    throw new InvalidGlobError(
      glob,
      "a '!' glob belongs in a list (paths, public, contexts.shared, exclude), after the globs it removes files from",
    );
  }
  if (glob.split("/").some((segment) => segment === "..")) {
    throw new InvalidGlobError(glob, "'..' would reach outside the map's folder");
  }
}

/** Text matched as itself inside a regular expression. */
export function escapeLiteral(text: string): string {
  return [...text].map((char) => (REGEX_SPECIALS.has(char) ? `\\${char}` : char)).join("");
}

interface Translation {
  readonly regex: string;
  readonly end: number;
}

/** `context`: what the placeholder becomes; null where no placeholder is allowed (package names). */
function translate(glob: string, start: number, insideBraces: boolean, context: string | null): Translation {
  let regex = "";
  let index = start;
  while (index < glob.length) {
    const char = glob.charAt(index);
    if (insideBraces && (char === "," || char === "}")) return { regex, end: index };
    if (char === "*") {
      if (glob[index + 1] === "*") {
        const atSegmentStart = index === 0 || "/{,".includes(glob.charAt(index - 1));
        if (!atSegmentStart) throw new InvalidGlobError(glob, "'**' must be a whole path segment");
        if (glob[index + 2] === "/") {
          regex += `(?:|${ANY}/)`;
          index += 3;
        } else if (index + 2 === glob.length || (insideBraces && /[,}]/.test(glob[index + 2] ?? ""))) {
          regex += ANY;
          index += 2;
        } else {
          throw new InvalidGlobError(glob, "'**' must be a whole path segment");
        }
        continue;
      }
      regex += "[^/]*";
    } else if (char === "?") {
      regex += "[^/]";
    } else if (char === "<" && PLACEHOLDER_LIKE.test(glob.slice(index))) {
      regex += placeholder(glob, index, insideBraces, context);
      index += CONTEXT_PLACEHOLDER.length;
      continue;
    } else if (char === "{") {
      const alternatives = translateBraces(glob, index, context);
      regex += alternatives.regex;
      index = alternatives.end;
      continue;
    } else if (char === "}" || char === ",") {
      if (char === "}") throw new InvalidGlobError(glob, "'}' without a matching '{'");
      regex += ",";
    } else {
      regex += REGEX_SPECIALS.has(char) ? `\\${char}` : char;
    }
    index += 1;
  }
  if (insideBraces) throw new InvalidGlobError(glob, "'{' without a matching '}'");
  return { regex, end: index };
}

function placeholder(glob: string, index: number, insideBraces: boolean, context: string | null): string {
  const written = PLACEHOLDER_LIKE.exec(glob.slice(index))?.[0] ?? glob.slice(index);
  if (written !== CONTEXT_PLACEHOLDER || context === null) {
    throw new InvalidGlobError(glob, `unknown placeholder ${written}: the only placeholder is ${CONTEXT_PLACEHOLDER}`);
  }
  const end = index + written.length;
  const wholeSegment =
    !insideBraces && (index === 0 || glob[index - 1] === "/") && (end === glob.length || glob[end] === "/");
  if (!wholeSegment) throw new InvalidGlobError(glob, `'${CONTEXT_PLACEHOLDER}' must be a whole path segment`);
  return context;
}

function translateBraces(glob: string, open: number, context: string | null): Translation {
  const alternatives: string[] = [];
  let index = open + 1;
  for (;;) {
    const part = translate(glob, index, true, context);
    alternatives.push(part.regex);
    if (glob[part.end] === "}") {
      return { regex: `(?:${alternatives.join("|")})`, end: part.end + 1 };
    }
    index = part.end + 1;
  }
}

/** The leading path segments of a glob that hold no wildcard (`src/payments/**` → `src`, `payments`). */
export function literalSegmentsOf(glob: string): string[] {
  const body = glob.startsWith("./") ? glob.slice(2) : glob;
  const segments = body.split("/").filter((segment) => segment !== "");
  const firstMagic = segments.findIndex((segment) => MAGIC.test(segment));
  return firstMagic === -1 ? segments : segments.slice(0, firstMagic);
}
