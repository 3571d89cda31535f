import { createContextClassifier } from "../classify/context-classifier.js";
import { closestName } from "../map/closest-name.js";
import type { LayerMap } from "../map/layer-map.js";
import type { Diagnostic } from "./diagnostic.js";
import type { MapOrigins } from "./map-pointer.js";
import { listed, quoted } from "../quoted-name.js";

/** A context pattern that puts no checked file in a context, and allow entries naming contexts that hold no file. */
export function contextFindings(map: LayerMap, files: readonly string[], origins: MapOrigins): Diagnostic[] {
  if (map.contexts === null) return [];
  const classifier = createContextClassifier(map.contexts);
  const file = origins.merged.origins.contexts ?? origins.mapFile;
  const found = new Set(files.map((path) => classifier.contextOf(path)).filter((context) => context !== null));
  if (found.size === 0) {
    const pattern = quoted(map.contexts.pattern);
    return [
      {
        code: "context-matches-nothing",
        severity: "warning",
        message: `contexts.pattern ${pattern} puts no checked file in a context: no context rule can fire`,
        hint: "write the pattern so <context> stands for the folder of each module (src/modules/<context>/**)",
        at: { file, keyPath: ["contexts", "pattern"] },
        files: [],
      },
    ];
  }
  const known = [...found].sort();
  const contexts = `(contexts: ${known.map(listed).join(", ")})`;
  return map.contexts.allow.flatMap((allowance, index) =>
    (["from", "to"] as const)
      .filter((side) => !found.has(allowance[side]))
      .map((side): Diagnostic => ({
        code: "unknown-context",
        severity: "warning",
        message: `contexts.allow names context ${quoted(allowance[side])}, which holds no checked file ${contexts}`,
        hint: closestContext(allowance[side], known),
        at: { file, keyPath: ["contexts", "allow", index, side] },
        files: [],
      })),
  );
}

function closestContext(name: string, known: readonly string[]): string {
  const suggestion = closestName(name, known);
  return suggestion === null
    ? "write a context's folder name, or remove the entry"
    : `did you mean ${quoted(suggestion)}? write a context's folder name, or remove the entry`;
}
