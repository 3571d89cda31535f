import type { LayerMap } from "../map/layer-map.js";
import { mergeLayerMaps, type SourcedLayerMapFile } from "../map/merge-layer-maps.js";
import type { Diagnostic } from "./diagnostic.js";
import { listed } from "../quoted-name.js";

const LAYER_KEYS = ["paths", "mayImport", "packages", "public", "description"] as const;

/** Which presets the map extends, and what the user's own file changes in what they define. */
export function presetFindings(map: LayerMap, sources: readonly SourcedLayerMapFile[]): Diagnostic[] {
  const user = sources[sources.length - 1];
  if (user === undefined || map.presets.length === 0) return [];
  const findings: Diagnostic[] = map.presets.map((preset, index) => ({
    code: "extends-preset",
    severity: "info",
    message: `extends preset ${listed(preset)}`,
    hint: null,
    at: { file: user.file, keyPath: typeof user.content.extends === "string" ? ["extends"] : ["extends", index] },
    files: [],
  }));
  const base = mergeLayerMaps(sources.slice(0, -1));
  const override = (message: string, keyPath: readonly (string | number)[], atKey = false): Diagnostic => ({
    code: "overrides-preset",
    severity: "info",
    message,
    hint: null,
    at: { file: user.file, keyPath, atKey },
    files: [],
  });

  const content = user.content;
  const topLevel: [string, unknown, (string | number)[]][] = [
    ["name", content.name, ["name"]],
    ["include", content.include, ["include"]],
    ["exclude", content.exclude, ["exclude"]],
    ["tsconfig", content.tsconfig, ["tsconfig"]],
    ["typeOnlyImports", content.options?.typeOnlyImports, ["options", "typeOnlyImports"]],
    ["unassigned", content.options?.unassigned, ["options", "unassigned"]],
  ];
  for (const [key, value, keyPath] of topLevel) {
    const inherited = base.values[key as keyof typeof base.values];
    if (value === undefined || inherited === undefined) continue;
    findings.push(
      override(`${keyPath.join(".")} replaces the preset's ${show(inherited)} with ${show(value)}`, keyPath),
    );
  }

  for (const [name, entry] of Object.entries(content.layers ?? {})) {
    const inherited = base.layers.find((layer) => layer.name === name);
    if (entry === null) {
      findings.push(override(`removes the preset's layer ${name}`, ["layers", name], true));
      continue;
    }
    if (inherited === undefined) {
      findings.push(override(`adds layer ${name}, which no preset defines`, ["layers", name], true));
      continue;
    }
    for (const key of LAYER_KEYS) {
      if (entry[key] === undefined) continue;
      const before = inherited.values[key];
      findings.push(
        override(
          before === undefined
            ? `layers.${name}.${key} sets ${show(entry[key])}, which the preset leaves unset`
            : `layers.${name}.${key} replaces the preset's ${show(before)} with ${show(entry[key])}`,
          ["layers", name, key],
        ),
      );
    }
  }
  return findings;
}

function show(value: unknown): string {
  return Array.isArray(value) ? `[${value.map((item) => JSON.stringify(item)).join(", ")}]` : JSON.stringify(value);
}
