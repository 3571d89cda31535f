import {
  assertGlobListEntry,
  isNegatedGlob,
  compilePathGlob,
  CONTEXT_PLACEHOLDER,
  countContextPlaceholders,
  InvalidGlobError,
} from "../glob/compile-glob.js";
import { didYouMean } from "./closest-name.js";
import type { ContextMap } from "./layer-map.js";
import type { ContextsFileEntry } from "./layer-map-schema.js";
import type { MapIssue } from "./map-issue.js";
import { listed, quoted } from "../quoted-name.js";

const CONTEXT_NAME = /^[^/*?{}<>,\\]+$/;

/** The pattern messages give as an example of a context pattern. */
const PATTERN_EXAMPLE = `src/modules/${CONTEXT_PLACEHOLDER}/**`;

/** Checks `contexts:`; returns the model even when there are issues (the caller refuses the map then). */
export function validateContexts(
  entry: ContextsFileEntry | undefined,
  file: string,
  layerNames: readonly string[],
  issues: MapIssue[],
): ContextMap | null {
  if (entry === undefined) return null;
  checkPattern(entry.pattern, file, issues);
  const shared = entry.shared ?? [];
  checkPathGlobList(shared, file, ["contexts", "shared"], false, issues);
  const knownLayers = `(layers: ${layerNames.map(listed).join(", ")})`;
  const allow = (entry.allow ?? []).map((allowance, index) => {
    for (const side of ["from", "to"] as const) {
      const name = allowance[side];
      if (!CONTEXT_NAME.test(name) || name === "." || name === "..") {
        const hint = "write the context's folder name, one path segment without wildcards";
        issues.push({
          file,
          keyPath: ["contexts", "allow", index, side],
          message: `${quoted(name)} is not a context name: ${hint}`,
        });
      }
    }
    if (allowance.from === allowance.to) {
      const edge = `from ${listed(allowance.from)} to ${listed(allowance.to)}`;
      issues.push({
        file,
        keyPath: ["contexts", "allow", index, "to"],
        message: `a context may always import itself: remove this allow entry ${edge}`,
      });
    }
    allowance.layers?.forEach((layer, layerIndex) => {
      if (layerNames.includes(layer)) return;
      const suggestion = didYouMean(layer, layerNames);
      issues.push({
        file,
        keyPath: ["contexts", "allow", index, "layers", layerIndex],
        message: `unknown layer ${quoted(layer)} in contexts.allow${suggestion} ${knownLayers}`,
      });
    });
    return { from: allowance.from, to: allowance.to, layers: allowance.layers ?? null };
  });
  entry.public?.forEach((glob, index) => checkPathGlob(glob, file, ["contexts", "public", index], true, issues));
  return { pattern: entry.pattern, shared, allow, public: entry.public ?? null };
}

function checkPattern(pattern: string, file: string, issues: MapIssue[]): void {
  const keyPath = ["contexts", "pattern"];
  const count = countContextPlaceholders(pattern);
  if (count !== 1) {
    const found = count === 0 ? "does not contain it" : `contains it ${count} times`;
    const once = `the placeholder ${CONTEXT_PLACEHOLDER} exactly once, as a whole path segment`;
    issues.push({
      file,
      keyPath,
      message: `contexts.pattern must contain ${once} (e.g. ${PATTERN_EXAMPLE}); ${quoted(pattern)} ${found}`,
    });
    return;
  }
  checkPathGlob(pattern, file, keyPath, true, issues);
}

/**
 * A path glob of the map, with or without the placeholder: `placeholderAllowed` is true only for
 * `contexts.pattern` and, when the map declares contexts, layers' paths.
 */
/** A list of path globs whose entries may start with `!` (paths, public, contexts.shared, exclude). */
export function checkPathGlobList(
  globs: readonly string[],
  file: string,
  keyPath: readonly (string | number)[],
  placeholderAllowed: boolean,
  issues: MapIssue[],
): void {
  globs.forEach((glob, index) => {
    const at = [...keyPath, index];
    if (!isNegatedGlob(glob)) {
      checkPathGlob(glob, file, at, placeholderAllowed, issues);
      return;
    }
    try {
      assertGlobListEntry(globs, index);
    } catch (error) {
      if (!(error instanceof InvalidGlobError)) throw error;
      issues.push({ file, keyPath: at, message: error.message });
      return;
    }
    if (!placeholderAllowed && countContextPlaceholders(glob) > 0) {
      issues.push({ file, keyPath: at, message: placeholderMisplaced(keyPath) });
    }
  });
}

export function checkPathGlob(
  glob: string,
  file: string,
  keyPath: readonly (string | number)[],
  placeholderAllowed: boolean,
  issues: MapIssue[],
): void {
  try {
    compilePathGlob(glob);
  } catch (error) {
    if (!(error instanceof InvalidGlobError)) throw error;
    issues.push({ file, keyPath, message: error.message });
    return;
  }
  if (!placeholderAllowed && countContextPlaceholders(glob) > 0) {
    issues.push({ file, keyPath, message: placeholderMisplaced(keyPath) });
  }
}

function placeholderMisplaced(keyPath: readonly (string | number)[]): string {
  if (keyPath[0] === "layers") {
    const declare = `declare contexts.pattern (e.g. ${PATTERN_EXAMPLE})`;
    return `${CONTEXT_PLACEHOLDER} in a layer's paths needs contexts: ${declare}, or write the folder out`;
  }
  return `${CONTEXT_PLACEHOLDER} is allowed only in contexts.pattern and in layers' paths`;
}
