import {
  assertGlobListEntry,
  compileNameGlob,
  InvalidGlobError,
  isNegatedGlob,
  literalSegmentsOf,
} from "../glob/compile-glob.js";
import { didYouMean } from "./closest-name.js";
import type { Layer, LayerMap, LayerMapException } from "./layer-map.js";
import { LAYER_NAME_PATTERN, MAX_LAYERS, type ExceptionFileEntry } from "./layer-map-schema.js";
import type { MapIssue } from "./map-issue.js";
import { mayImportTarget, type DraftLayer, type MayImportEntry, type MergedLayerMap } from "./merge-layer-maps.js";
import { checkPathGlob, checkPathGlobList, validateContexts } from "./validate-contexts.js";
import { listed, quoted } from "../quoted-name.js";

export interface ValidationContext {
  /** The user's own map file: issues about the map as a whole point here. */
  readonly mapFile: string;
  /** Used when no file in the chain sets `include` (the caller knows whether `src/` exists). */
  readonly defaultInclude: readonly string[];
  /** Used when no file in the chain sets `tsconfig`. */
  readonly defaultTsconfig: string | null;
  readonly presets: readonly string[];
}

export type ValidationResult =
  | { readonly ok: true; readonly map: LayerMap }
  /** `map`: what the map says besides its problems (absent when too large to check), for checks of paths on disk. */
  | { readonly ok: false; readonly issues: readonly MapIssue[]; readonly map?: LayerMap };

/** Checks everything that needs the whole merged map: layer names, references, globs. */
export function validateLayerMap(merged: MergedLayerMap, context: ValidationContext): ValidationResult {
  const issues: MapIssue[] = [...merged.issues];
  const names = merged.layers.map((layer) => layer.name);

  if (merged.layers.length === 0) {
    issues.push({
      file: context.mapFile,
      keyPath: [],
      message: "the map defines no layers: add at least one under `layers:`",
    });
  }
  if (merged.layers.length > MAX_LAYERS) {
    // Checked first and alone: validating thousands of layers against each other would take minutes.
    const fix = "merge layers, a layer takes many globs";
    const message = `the map defines ${merged.layers.length} layers; at most ${MAX_LAYERS} are supported: ${fix}`;
    return { ok: false, issues: [...issues, { file: context.mapFile, keyPath: ["layers"], message }] };
  }

  const contextsEntry = merged.values.contexts;
  const layers = merged.layers.map((draft) => validateLayer(draft, names, contextsEntry !== undefined, issues));
  const contexts = validateContexts(contextsEntry, merged.origins.contexts ?? context.mapFile, names, issues);
  const include = stringList(merged.values.include) ?? [...context.defaultInclude];
  const exclude = stringList(merged.values.exclude) ?? [];
  const exceptions = validateExceptions(
    merged.values.exceptions ?? [],
    merged.origins.exceptions ?? context.mapFile,
    issues,
  );
  checkGlobs(include, merged.origins.include ?? context.mapFile, ["include"], issues);
  checkPathGlobList(exclude, merged.origins.exclude ?? context.mapFile, ["exclude"], false, issues);

  const map: LayerMap = {
    name: merged.values.name ?? null,
    include,
    exclude,
    tsconfig: merged.values.tsconfig ?? context.defaultTsconfig,
    options: {
      typeOnlyImports: merged.values.typeOnlyImports ?? "check",
      unassigned: merged.values.unassigned ?? "error",
      cycles: merged.values.cycles ?? "warn",
      maxLines: merged.values.maxLines ?? null,
      throughBarrels: merged.values.throughBarrels ?? false,
      warnings: merged.values.warnings ?? {},
    },
    layers,
    exceptions,
    contexts,
    presets: context.presets,
  };
  return issues.length > 0 ? { ok: false, issues, map } : { ok: true, map };
}

function validateLayer(draft: DraftLayer, names: readonly string[], hasContexts: boolean, issues: MapIssue[]): Layer {
  const { name, values, origins } = draft;
  if (!LAYER_NAME_PATTERN.test(name)) {
    issues.push({
      file: draft.definedIn,
      keyPath: ["layers", name],
      atKey: true,
      message: `layer name ${quoted(name)} is not allowed: start with a letter, then letters, digits, '-' or '_'`,
    });
  }
  const paths = stringList(values.paths) ?? [];
  if (paths.length === 0) {
    issues.push({
      file: origins.paths ?? draft.definedIn,
      keyPath: origins.paths ? ["layers", name, "paths"] : ["layers", name],
      message: `layer ${quoted(name)} has no paths: list the globs of its files under \`paths:\``,
    });
  }
  checkPathGlobList(paths, origins.paths ?? draft.definedIn, ["layers", name, "paths"], hasContexts, issues);

  checkMayImport(draft, names, issues);
  const entries = values.mayImport ?? [];
  const mayImport = entries.filter((entry): entry is string => typeof entry === "string");
  const warnImports = [
    ...new Map(
      entries.flatMap((entry) =>
        typeof entry === "string" ? [] : [[entry.layer, { layer: entry.layer, reason: entry.reason ?? null }] as const],
      ),
    ).values(),
  ];

  const publicGlobs = stringList(values.public);
  if (publicGlobs !== undefined) checkPublicGlobs(name, publicGlobs, paths, origins.public ?? draft.definedIn, issues);

  const packages = stringList(values.packages);
  packages?.forEach((pattern, index) => {
    try {
      compileNameGlob(pattern.startsWith("node:") ? pattern.slice(5) : pattern);
    } catch (error) {
      issues.push({
        file: origins.packages ?? draft.definedIn,
        keyPath: ["layers", name, "packages", index],
        message: globMessage(error),
      });
    }
  });

  return {
    name,
    paths,
    mayImport: [...new Set(mayImport)].filter((target) => target !== name),
    ...(warnImports.length === 0 ? {} : { warnImports }),
    ...(publicGlobs === undefined ? {} : { public: publicGlobs }),
    packages: packages ?? null,
    description: values.description ?? null,
    ...(values.maxLines === undefined ? {} : { maxLines: values.maxLines }),
  };
}

/** Each mayImport entry names a known layer other than its own, allowed or tolerated but not both. */
function checkMayImport(draft: DraftLayer, names: readonly string[], issues: MapIssue[]): void {
  const { name } = draft;
  const entries = draft.values.mayImport ?? [];
  const file = draft.origins.mayImport ?? draft.definedIn;
  entries.forEach((entry, index) => {
    const message = mayImportProblem(name, names, entry, entries.slice(0, index));
    if (message === null) return;
    const keyPath =
      typeof entry === "string" ? ["layers", name, "mayImport", index] : ["layers", name, "mayImport", index, "layer"];
    issues.push({ file, keyPath, message });
  });
}

/** What is wrong with one mayImport entry of layer `name`, given the entries before it; null when nothing is. */
function mayImportProblem(
  name: string,
  names: readonly string[],
  entry: MayImportEntry,
  earlier: readonly MayImportEntry[],
): string | null {
  const target = mayImportTarget(entry);
  if (!names.includes(target)) {
    const known = `(layers: ${names.map(listed).join(", ")})`;
    return `unknown layer ${quoted(target)} in mayImport of ${quoted(name)}${didYouMean(target, names)} ${known}`;
  }
  if (typeof entry !== "string" && target === name)
    return `${quoted(name)} tolerates itself at severity warn: a layer may always import itself, remove this entry`;
  if (earlier.some((other) => mayImportTarget(other) === target && typeof other !== typeof entry))
    return `${quoted(target)} is both allowed and tolerated at severity warn in mayImport of ${quoted(name)}: keep one`;
  return null;
}

function validateExceptions(
  entries: readonly ExceptionFileEntry[],
  file: string,
  issues: MapIssue[],
): LayerMapException[] {
  entries.forEach((entry, index) => {
    // `to` is a path or a package name (`lodash`, `@aws-sdk/*`, `node:fs`): the path glob compiler reads both.
    for (const key of ["from", "to"] as const)
      checkPathGlob(entry[key], file, ["exceptions", index, key], false, issues);
  });
  return entries.map((entry) => ({
    from: entry.from,
    to: entry.to,
    reason: entry.reason.trim(),
    until: entry.until ?? null,
  }));
}

function checkGlobs(
  globs: readonly string[],
  file: string,
  keyPath: readonly (string | number)[],
  issues: MapIssue[],
  placeholderAllowed = false,
): void {
  globs.forEach((glob, index) => checkPathGlob(glob, file, [...keyPath, index], placeholderAllowed, issues));
}

/**
 * Each public glob must be valid and lie inside the layer: its literal folders must not part ways
 * with every path glob's (`index.ts` under `src/payments/**`). A glob that still matches no file of
 * the layer is a `glob-matches-nothing` warning of the check.
 */
function checkPublicGlobs(
  layer: string,
  globs: readonly string[],
  paths: readonly string[],
  file: string,
  issues: MapIssue[],
): void {
  globs.forEach((glob, index) => {
    const keyPath = ["layers", layer, "public", index];
    try {
      assertGlobListEntry(globs, index);
    } catch (error) {
      issues.push({ file, keyPath, message: globMessage(error) });
      return;
    }
    if (isNegatedGlob(glob)) return;
    const literal = literalSegmentsOf(glob);
    const inside = paths
      .filter((path) => !isNegatedGlob(path))
      .some((path) => {
        const pathLiteral = literalSegmentsOf(path);
        const shared = Math.min(literal.length, pathLiteral.length);
        return literal.slice(0, shared).every((segment, position) => segment === pathLiteral[position]);
      });
    if (paths.length > 0 && !inside) {
      const outside = `lies outside layer ${quoted(layer)} (paths: ${paths.map(listed).join(", ")})`;
      issues.push({
        file,
        keyPath,
        message: `public glob ${quoted(glob)} ${outside}: write it relative to the map's folder, like paths`,
      });
    }
  });
}

function globMessage(error: unknown): string {
  if (error instanceof InvalidGlobError) return error.message;
  throw error;
}

function stringList(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return typeof value === "string" ? [value] : value;
}
