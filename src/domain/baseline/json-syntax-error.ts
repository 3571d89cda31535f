export interface JsonSyntaxError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** Sticky: matched where the scanner stands, never on a copy of the rest of the text. */
const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Where a text stops being JSON (1-based line and column) and why; null when it is valid.
 * JSON.parse gives no position on every Node version, so this small scanner finds it.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let at = 0;
  const fail = (reason: string): never => {
    throw new Stop(
      at,
      at >= text.length ? `${reason}, but the file ends` : `${reason}, found ${JSON.stringify(text[at])}`,
    );
  };
  const skipSpace = () => {
    while (at < text.length && " \t\n\r".includes(text.charAt(at))) at += 1;
  };
  const expect = (char: string, what: string) => {
    skipSpace();
    if (text[at] !== char) fail(`expected ${what}`);
    at += 1;
  };
  const string = () => {
    at += 1;
    while (at < text.length && text[at] !== '"') {
      const char = text.charCodeAt(at);
      if (char < 0x20) fail("expected the string to be closed on its line");
      if (text[at] === "\\") {
        at += 1;
        if (text[at] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail("expected four hex digits after \\u");
          at += 4;
        } else if (!'"\\/bfnrt'.includes(text[at] ?? "x")) {
          fail("expected a valid escape after \\");
        }
      }
      at += 1;
    }
    if (at >= text.length) fail('expected a closing "');
    at += 1;
  };
  const value = (): void => {
    skipSpace();
    const char = text[at];
    if (char === "{") return object();
    if (char === "[") return array();
    if (char === '"') return string();
    LITERAL.lastIndex = at;
    const literal = LITERAL.exec(text);
    if (literal === null) return fail("expected a value");
    at += literal[0].length;
  };
  const object = () => {
    at += 1;
    skipSpace();
    if (text[at] === "}") return void (at += 1);
    for (;;) {
      skipSpace();
      if (text[at] !== '"') fail("expected a property name in double quotes");
      string();
      expect(":", '":" after the property name');
      value();
      skipSpace();
      if (text[at] === "}") return void (at += 1);
      expect(",", '"," or "}" after a property value');
    }
  };
  const array = () => {
    at += 1;
    skipSpace();
    if (text[at] === "]") return void (at += 1);
    for (;;) {
      value();
      skipSpace();
      if (text[at] === "]") return void (at += 1);
      expect(",", '"," or "]" after an element');
    }
  };

  try {
    value();
    skipSpace();
    if (at < text.length) fail("expected the end of the file after the value");
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.offset).split("\n");
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1, message: error.reason };
  }
}
