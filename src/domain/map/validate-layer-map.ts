import { compileNameGlob, InvalidGlobError } from "../glob/compile-glob.js";
import { closestName } from "./closest-name.js";
import type { CyclesPolicy, Layer, LayerMap, LayerMapException, TypeOnlyImportsPolicy, UnassignedPolicy } from "./layer-map.js";
import { LAYER_NAME_PATTERN, MAX_LAYERS, type ContextsFileEntry, type ExceptionFileEntry } from "./layer-map-schema.js";
import type { MapIssue } from "./map-issue.js";
import type { DraftLayer, MergedLayerMap } from "./merge-layer-maps.js";
import { checkPathGlob, validateContexts } from "./validate-contexts.js";

export interface ValidationContext {
  /** The user's own map file: issues about the map as a whole point here. */
  readonly mapFile: string;
  /** Used when no file in the chain sets `include` (the caller knows whether `src/` exists). */
  readonly defaultInclude: readonly string[];
  /** Used when no file in the chain sets `tsconfig`. */
  readonly defaultTsconfig: string | null;
  readonly presets: readonly string[];
}

export type ValidationResult = { readonly ok: true; readonly map: LayerMap } | { readonly ok: false; readonly issues: readonly MapIssue[] };

/** Checks everything that needs the whole merged map: layer names, references, globs. */
export function validateLayerMap(merged: MergedLayerMap, context: ValidationContext): ValidationResult {
  const issues: MapIssue[] = [...merged.issues];
  const names = merged.layers.map((layer) => layer.name);

  if (merged.layers.length === 0) {
    issues.push({ file: context.mapFile, keyPath: [], message: "the map defines no layers: add at least one under `layers:`" });
  }
  if (merged.layers.length > MAX_LAYERS) {
    // Checked first and alone: validating thousands of layers against each other would take minutes.
    const message = `the map defines ${merged.layers.length} layers; at most ${MAX_LAYERS} are supported: merge layers, a layer takes many globs`;
    return { ok: false, issues: [...issues, { file: context.mapFile, keyPath: ["layers"], message }] };
  }

  const contextsEntry = merged.values.contexts as ContextsFileEntry | undefined;
  const layers = merged.layers.map((draft) => validateLayer(draft, names, contextsEntry !== undefined, issues));
  const contexts = validateContexts(contextsEntry, merged.origins.contexts ?? context.mapFile, names, issues);
  const include = stringList(merged.values.include as string[] | undefined) ?? [...context.defaultInclude];
  const exclude = stringList(merged.values.exclude as string[] | undefined) ?? [];
  const exceptions = validateExceptions((merged.values.exceptions as ExceptionFileEntry[] | undefined) ?? [], merged.origins.exceptions ?? context.mapFile, issues);
  checkGlobs(include, merged.origins.include ?? context.mapFile, ["include"], issues);
  checkGlobs(exclude, merged.origins.exclude ?? context.mapFile, ["exclude"], issues);

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    map: {
      name: (merged.values.name as string | undefined) ?? null,
      include,
      exclude,
      tsconfig: (merged.values.tsconfig as string | undefined) ?? context.defaultTsconfig,
      options: {
        typeOnlyImports: (merged.values.typeOnlyImports as TypeOnlyImportsPolicy | undefined) ?? "check",
        unassigned: (merged.values.unassigned as UnassignedPolicy | undefined) ?? "error",
        cycles: (merged.values.cycles as CyclesPolicy | undefined) ?? "warn",
        maxLines: (merged.values.maxLines as number | undefined) ?? null,
        throughBarrels: (merged.values.throughBarrels as boolean | undefined) ?? false,
      },
      layers,
      exceptions,
      contexts,
      presets: context.presets,
    },
  };
}

function validateLayer(draft: DraftLayer, names: readonly string[], hasContexts: boolean, issues: MapIssue[]): Layer {
  const { name, values, origins } = draft;
  if (!LAYER_NAME_PATTERN.test(name)) {
    issues.push({
      file: draft.definedIn,
      keyPath: ["layers", name],
      atKey: true,
      message: `layer name "${name}" is not allowed: start with a letter, then letters, digits, '-' or '_'`,
    });
  }
  const paths = stringList(values.paths as string[] | undefined) ?? [];
  if (paths.length === 0) {
    issues.push({
      file: origins.paths ?? draft.definedIn,
      keyPath: origins.paths ? ["layers", name, "paths"] : ["layers", name],
      message: `layer "${name}" has no paths: list the globs of its files under \`paths:\``,
    });
  }
  checkGlobs(paths, origins.paths ?? draft.definedIn, ["layers", name, "paths"], issues, hasContexts);

  const mayImport = stringList(values.mayImport as string[] | undefined) ?? [];
  mayImport.forEach((target, index) => {
    if (names.includes(target)) return;
    const suggestion = closestName(target, names);
    issues.push({
      file: origins.mayImport ?? draft.definedIn,
      keyPath: ["layers", name, "mayImport", index],
      message: `unknown layer "${target}" in mayImport of "${name}"${suggestion ? `; did you mean "${suggestion}"?` : ""} (layers: ${names.join(", ")})`,
    });
  });

  const packages = stringList(values.packages as string[] | undefined);
  packages?.forEach((pattern, index) => {
    try {
      compileNameGlob(pattern.startsWith("node:") ? pattern.slice(5) : pattern);
    } catch (error) {
      issues.push({ file: origins.packages ?? draft.definedIn, keyPath: ["layers", name, "packages", index], message: globMessage(error) });
    }
  });

  return {
    name,
    paths,
    mayImport: [...new Set(mayImport)].filter((target) => target !== name),
    packages: packages ?? null,
    description: (values.description as string | undefined) ?? null,
    ...(values.maxLines === undefined ? {} : { maxLines: values.maxLines as number }),
  };
}

function validateExceptions(entries: readonly ExceptionFileEntry[], file: string, issues: MapIssue[]): LayerMapException[] {
  entries.forEach((entry, index) => {
    // `to` is a path or a package name (`lodash`, `@aws-sdk/*`, `node:fs`): the path glob compiler reads both.
    for (const key of ["from", "to"] as const) checkPathGlob(entry[key], file, ["exceptions", index, key], false, issues);
  });
  return entries.map((entry) => ({ from: entry.from, to: entry.to, reason: entry.reason.trim(), until: entry.until ?? null }));
}

function checkGlobs(globs: readonly string[], file: string, keyPath: readonly (string | number)[], issues: MapIssue[], placeholderAllowed = false): void {
  globs.forEach((glob, index) => checkPathGlob(glob, file, [...keyPath, index], placeholderAllowed, issues));
}

function globMessage(error: unknown): string {
  if (error instanceof InvalidGlobError) return error.message;
  throw error;
}

function stringList(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return typeof value === "string" ? [value] : value;
}
