/**
 * The one place where globs become regular expressions. The checker, the rules handed to
 * dependency-cruiser and every diagnostic use these strings, so they can never disagree.
 *
 * Only plain forms are emitted, because dependency-cruiser refuses regexes with nested quantifiers:
 * `**` + `/` → `(|.*\/)`, a trailing `/**` → `(|/.*)`, `**` → `.*`, `*` → `[^/]*`, `?` → `[^/]`, `{a,b}` → `(a|b)`.
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

const REGEX_SPECIALS = new Set([".", "+", "^", "$", "(", ")", "|", "[", "]", "\\", "{", "}", "*", "?"]);
const MAGIC = /[*?{]/;

/** A glob over paths relative to the map's folder, anchored at both ends. */
export function compilePathGlob(glob: string): string {
  try {
    return translatePathGlob(glob);
  } catch (error) {
    if (error instanceof InvalidGlobError && error.glob !== glob) throw new InvalidGlobError(glob, error.reason);
    throw error;
  }
}

function translatePathGlob(glob: string): string {
  assertPathGlob(glob);
  const body = glob.startsWith("./") ? glob.slice(2) : glob;
  const trimmed = body.endsWith("/") ? body.slice(0, -1) : body;
  if (!MAGIC.test(trimmed)) {
    return `^${escapeLiteral(trimmed)}(|/.*)$`;
  }
  if (trimmed.endsWith("/**")) {
    return `^${translate(trimmed.slice(0, -3), 0, false).regex}(|/.*)$`;
  }
  return `^${translate(trimmed, 0, false).regex}$`;
}

/** A glob over package names (`express`, `@aws-sdk/*`), unanchored: callers anchor it where it is used. */
export function compileNameGlob(glob: string): string {
  if (glob.trim() === "") throw new InvalidGlobError(glob, "it is empty");
  return translate(glob, 0, false).regex;
}

/** Several anchored regexes as one alternation, for a single test. */
export function unionOf(regexes: readonly string[]): string {
  return regexes.length === 1 ? (regexes[0] as string) : regexes.map((regex) => `(${regex})`).join("|");
}

function assertPathGlob(glob: string): void {
  if (glob.trim() === "") throw new InvalidGlobError(glob, "it is empty");
  if (glob.includes("\\")) throw new InvalidGlobError(glob, "use forward slashes");
  if (glob.startsWith("/") || /^[A-Za-z]:/.test(glob)) {
    throw new InvalidGlobError(glob, "it is absolute; write it relative to the map's folder");
  }
  if (glob.startsWith("!")) throw new InvalidGlobError(glob, "negation is not supported; use exclude");
  if (glob.split("/").some((segment) => segment === "..")) {
    throw new InvalidGlobError(glob, "'..' would reach outside the map's folder");
  }
}

function escapeLiteral(text: string): string {
  return [...text].map((char) => (REGEX_SPECIALS.has(char) ? `\\${char}` : char)).join("");
}

interface Translation {
  readonly regex: string;
  readonly end: number;
}

function translate(glob: string, start: number, insideBraces: boolean): Translation {
  let regex = "";
  let index = start;
  while (index < glob.length) {
    const char = glob[index] as string;
    if (insideBraces && (char === "," || char === "}")) return { regex, end: index };
    if (char === "*") {
      if (glob[index + 1] === "*") {
        const atSegmentStart = index === 0 || "/{,".includes(glob[index - 1] as string);
        if (!atSegmentStart) throw new InvalidGlobError(glob, "'**' must be a whole path segment");
        if (glob[index + 2] === "/") {
          regex += "(|.*/)";
          index += 3;
        } else if (index + 2 === glob.length || (insideBraces && /[,}]/.test(glob[index + 2] ?? ""))) {
          regex += ".*";
          index += 2;
        } else {
          throw new InvalidGlobError(glob, "'**' must be a whole path segment");
        }
        continue;
      }
      regex += "[^/]*";
    } else if (char === "?") {
      regex += "[^/]";
    } else if (char === "{") {
      const alternatives = translateBraces(glob, index);
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

function translateBraces(glob: string, open: number): Translation {
  const alternatives: string[] = [];
  let index = open + 1;
  for (;;) {
    const part = translate(glob, index, true);
    alternatives.push(part.regex);
    if (glob[part.end] === "}") {
      return { regex: `(${alternatives.join("|")})`, end: part.end + 1 };
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
