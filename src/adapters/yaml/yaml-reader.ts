import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import type { ParsedYaml, YamlProblem, YamlReader } from "../../application/ports.js";

/** Aliases expand to at most this many nodes: a billion-laughs map fails fast instead of eating memory. */
const MAX_ALIAS_COUNT = 1000;

export const yamlReader: YamlReader = {
  parse(text: string): ParsedYaml {
    const lineCounter = new LineCounter();
    const source = text.replace(/^\uFEFF/, "");
    // The library's own uniqueKeys check compares every key with every other: seconds for 10,000 layers.
    const document = parseDocument(source, { lineCounter, uniqueKeys: false, prettyErrors: false });
    const found: Found[] = [
      ...document.errors.map((error) => ({ offset: error.pos[0], code: error.code, message: error.message })),
      ...duplicateKeys(document),
    ].sort((a, b) => a.offset - b.offset);
    const errors = found.map((error): YamlProblem => {
      const position = lineCounter.linePos(error.offset);
      const key = (/^[^:\n]*/.exec(source.slice(error.offset))?.[0] ?? "").trim();
      const message = yamlMessage(error.code, error.message, key);
      const at = { line: position.line, column: position.col, message };
      return error.keyPath === undefined ? at : { ...at, keyPath: error.keyPath };
    });
    let value: unknown = null;
    // A key written twice leaves a readable document (the last one wins): the rest of the map is still checked.
    if (document.errors.length === 0) {
      try {
        value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
        if (isCyclic(value)) {
          errors.push({
            line: 1,
            column: 1,
            message:
              "an alias refers to a node that contains it, which makes an endless value: " +
              "remove the alias (*name) inside its own anchor (&name)",
          });
          value = null;
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        errors.push({
          line: 1,
          column: 1,
          message: /alias count/i.test(message)
            ? `${message}: its aliases expand to more than ${MAX_ALIAS_COUNT} nodes; write the lists out instead`
            : message,
        });
      }
    }
    return {
      value,
      errors,
      locate(keyPath, atKey = false) {
        const node = findNode(document.contents, keyPath, atKey);
        const offset = node?.range?.[0];
        if (offset === undefined) return null;
        const position = lineCounter.linePos(offset);
        return { line: position.line, column: position.col };
      },
    };
  },
};

/** Whether an object contains itself (`&x { a: *x }`); without this, every later walk of the value would never end. */
function isCyclic(root: unknown): boolean {
  const stack: { value: unknown; ancestors: ReadonlySet<unknown> }[] = [{ value: root, ancestors: new Set() }];
  while (stack.length > 0) {
    const { value, ancestors } = stack.pop() as (typeof stack)[number];
    if (typeof value !== "object" || value === null) continue;
    if (ancestors.has(value)) return true;
    const inside = new Set(ancestors).add(value);
    for (const child of Object.values(value)) stack.push({ value: child, ancestors: inside });
  }
  return false;
}

interface Found {
  readonly offset: number;
  readonly code: string;
  readonly message: string;
  readonly keyPath?: readonly (string | number)[];
}

/** A key repeated in one mapping, at the repetition, with its key path (`layers.app`). */
function duplicateKeys(document: Document): Found[] {
  const found: Found[] = [];
  visit(document, {
    Map(_, map, ancestors) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (seen.has(key))
          found.push({
            offset: pair.key.range?.[0] ?? 0,
            code: "DUPLICATE_KEY",
            message: "duplicate key",
            keyPath: [...keyPathOf([...ancestors, map]), key],
          });
        seen.add(key);
      }
    },
  });
  return found;
}

/** The key path of the last node of a visit's ancestor chain: keys of pairs, indexes of sequence items. */
function keyPathOf(chain: readonly unknown[]): (string | number)[] {
  const keyPath: (string | number)[] = [];
  for (const [index, node] of chain.entries()) {
    const child = chain[index + 1];
    if (isPair(node) && isScalar(node.key)) keyPath.push(String(node.key.value));
    else if (isSeq(node) && child !== undefined) keyPath.push(node.items.indexOf(child));
  }
  return keyPath;
}

function findNode(root: Node | null, keyPath: readonly (string | number)[], atKey: boolean): Node | null {
  let current: Node | null = root;
  for (const [index, part] of keyPath.entries()) {
    const last = index === keyPath.length - 1;
    if (isMap(current)) {
      // The last of a key written twice: its value is the one read (and checked).
      const pair = current.items.findLast(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(part),
      );
      if (!pair) return current;
      current = (last && atKey ? pair.key : (pair.value ?? pair.key)) as Node | null;
    } else if (isSeq(current) && typeof part === "number") {
      const item = current.items[part];
      if (!item) return current;
      current = item as Node;
    } else {
      return current;
    }
  }
  return current;
}

function yamlMessage(code: string, message: string, key: string): string {
  if (code === "DUPLICATE_KEY")
    return `"${key}" is defined twice in the same mapping: a layer or key may appear only once`;
  if (code === "TAB_AS_INDENT") return "tabs are not allowed as indentation in YAML: indent with spaces";
  const [first = ""] = message.split("\n");
  return /call stack/i.test(first)
    ? "the YAML is nested too deeply to read: a layer map needs only a few levels"
    : first;
}
