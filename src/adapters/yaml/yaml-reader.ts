import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { ParsedYaml, YamlReader } from "../../application/ports.js";

/** Aliases expand to at most this many nodes: a billion-laughs map fails fast instead of eating memory. */
const MAX_ALIAS_COUNT = 1000;

export const yamlReader: YamlReader = {
  parse(text: string): ParsedYaml {
    const lineCounter = new LineCounter();
    const source = text.replace(/^\uFEFF/, "");
    const document = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
    const errors = document.errors.map((error) => {
      const position = lineCounter.linePos(error.pos[0]);
      const key = (/^[^:\n]*/.exec(source.slice(error.pos[0]))?.[0] ?? "").trim();
      return { line: position.line, column: position.col, message: yamlMessage(error.code, error.message, key) };
    });
    let value: unknown = null;
    if (errors.length === 0) {
      try {
        value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (error) {
        errors.push({ line: 1, column: 1, message: error instanceof Error ? error.message : String(error) });
      }
    }
    return {
      value,
      errors,
      locate(keyPath, atKey = false) {
        const node = findNode(document.contents as Node | null, keyPath, atKey);
        const offset = node?.range?.[0];
        if (offset === undefined) return null;
        const position = lineCounter.linePos(offset);
        return { line: position.line, column: position.col };
      },
    };
  },
};

function findNode(root: Node | null, keyPath: readonly (string | number)[], atKey: boolean): Node | null {
  let current: Node | null = root;
  for (const [index, part] of keyPath.entries()) {
    const last = index === keyPath.length - 1;
    if (isMap(current)) {
      const pair = current.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(part));
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
  if (code === "DUPLICATE_KEY") return `"${key}" is defined twice in the same mapping: a layer or key may appear only once`;
  return message.split("\n")[0] as string;
}
