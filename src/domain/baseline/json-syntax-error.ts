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
  try {
    new JsonScanner(text).document();
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.offset).split("\n");
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1, message: error.reason };
  }
}

/** Reads one JSON document by recursive descent, throwing a Stop where the text stops being JSON. */
class JsonScanner {
  private at = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.value();
    this.skipSpace();
    if (this.at < this.text.length) this.fail("expected the end of the file after the value");
  }

  private value(): void {
    this.skipSpace();
    const char = this.text[this.at];
    if (char === "{") return this.object();
    if (char === "[") return this.array();
    if (char === '"') return this.string();
    LITERAL.lastIndex = this.at;
    const literal = LITERAL.exec(this.text);
    if (literal === null) return this.fail("expected a value");
    this.at += literal[0].length;
  }

  private object(): void {
    this.at += 1;
    this.skipSpace();
    if (this.text[this.at] === "}") return void (this.at += 1);
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] !== '"') this.fail("expected a property name in double quotes");
      this.string();
      this.expect(":", '":" after the property name');
      this.value();
      this.skipSpace();
      if (this.text[this.at] === "}") return void (this.at += 1);
      this.expect(",", '"," or "}" after a property value');
    }
  }

  private array(): void {
    this.at += 1;
    this.skipSpace();
    if (this.text[this.at] === "]") return void (this.at += 1);
    for (;;) {
      this.value();
      this.skipSpace();
      if (this.text[this.at] === "]") return void (this.at += 1);
      this.expect(",", '"," or "]" after an element');
    }
  }

  private string(): void {
    const { text } = this;
    this.at += 1;
    while (this.at < text.length && text[this.at] !== '"') {
      if (text.charCodeAt(this.at) < 0x20) this.fail("expected the string to be closed on its line");
      if (text[this.at] === "\\") {
        this.at += 1;
        if (text[this.at] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(this.at + 1, this.at + 5)))
            this.fail("expected four hex digits after \\u");
          this.at += 4;
        } else if (!'"\\/bfnrt'.includes(text[this.at] ?? "x")) {
          this.fail("expected a valid escape after \\");
        }
      }
      this.at += 1;
    }
    if (this.at >= text.length) this.fail('expected a closing "');
    this.at += 1;
  }

  private skipSpace(): void {
    while (this.at < this.text.length && " \t\n\r".includes(this.text.charAt(this.at))) this.at += 1;
  }

  private expect(char: string, what: string): void {
    this.skipSpace();
    if (this.text[this.at] !== char) this.fail(`expected ${what}`);
    this.at += 1;
  }

  private fail(reason: string): never {
    const found = this.at >= this.text.length ? "but the file ends" : `found ${JSON.stringify(this.text[this.at])}`;
    throw new Stop(this.at, `${reason}, ${found}`);
  }
}
