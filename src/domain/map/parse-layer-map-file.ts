import type { z } from "zod";
import { didYouMean } from "./closest-name.js";
import {
  contextAllowanceSchema,
  contextsSchema,
  layerMapFileSchema,
  layerSchema,
  optionsSchema,
  warnAllowanceSchema,
  type LayerMapFile,
} from "./layer-map-schema.js";
import { shortenKey, type MapIssue } from "./map-issue.js";
import { quoted } from "../quoted-name.js";

export type ParseResult =
  { readonly ok: true; readonly content: LayerMapFile } | { readonly ok: false; readonly issues: readonly MapIssue[] };

/** Validates one file's parsed YAML against the schema; every issue, located by key path. */
export function parseLayerMapFile(file: string, value: unknown): ParseResult {
  if (value === null || value === undefined) {
    return {
      ok: false,
      issues: [
        { file, keyPath: [], message: "the file is empty: a layer map needs at least `version: 1` and `layers:`" },
      ],
    };
  }
  const forbidden = forbiddenKeys(value, []);
  if (forbidden.length > 0) {
    return {
      ok: false,
      issues: forbidden.map((keyPath) => ({
        file,
        keyPath,
        atKey: true,
        message: `"__proto__" is not allowed as a key or a layer name: rename it (layer names start with a letter)`,
      })),
    };
  }
  if (isMapping(value) && !Object.keys(value).some((key) => Object.hasOwn(layerMapFileSchema.shape, key))) {
    const keys = Object.keys(layerMapFileSchema.shape).join(", ");
    return {
      ok: false,
      issues: [
        {
          file,
          keyPath: [],
          message: `not a layer map: none of its keys is a layer map key (${keys}); is it the right file?`,
        },
      ],
    };
  }
  const result = layerMapFileSchema.safeParse(value);
  if (result.success) return { ok: true, content: result.data };
  // A value of the wrong type also fails the checks meant for the right one ("too small"): only the type is said.
  const wrongType = new Set(
    result.error.issues.filter((issue) => issue.code === "invalid_type").map((issue) => issue.path.join(".")),
  );
  const issues = result.error.issues.filter(
    (issue) => issue.code === "invalid_type" || !wrongType.has(issue.path.join(".")),
  );
  return { ok: false, issues: issues.flatMap((issue) => schemaIssues(file, issue)) };
}

function schemaIssues(file: string, issue: z.core.$ZodIssue): MapIssue[] {
  const keyPath = issue.path.map((part) => (typeof part === "symbol" ? String(part) : part));
  if (issue.code === "unrecognized_keys") {
    const known = knownKeysAt(keyPath);
    return issue.keys.map((key) => {
      const suggestion = didYouMean(key, known);
      return {
        file,
        keyPath: [...keyPath, key],
        atKey: true,
        message: `unknown key ${quoted(shortenKey(key))}${suggestion} (allowed: ${known.join(", ")})`,
      };
    });
  }
  if (issue.code === "invalid_union") {
    // A value of one alternative's type (a mapping in `mayImport`) is judged by that alternative alone.
    const sameType = issue.errors.filter(
      (branch) => !branch.some((inner) => inner.code === "invalid_type" && inner.path.length === 0),
    );
    if (sameType.length === 1)
      return (sameType[0] as z.core.$ZodIssue[]).flatMap((inner) =>
        schemaIssues(file, { ...inner, path: [...issue.path, ...inner.path] }),
      );
  }
  if (issue.code === "invalid_type" && issue.expected in EXPECTED) {
    const received = /received (\w+)/.exec(issue.message)?.[1] ?? "something else";
    const got = received === "array" ? "a list" : `${/^[aeiou]/.test(received) ? "an" : "a"} ${received}`;
    return [{ file, keyPath, message: `expected ${EXPECTED[issue.expected]}, got ${got}` }];
  }
  return [{ file, keyPath, message: issue.message }];
}

/** What each expected type looks like in YAML, for the most common mistakes (`include: src`). */
const EXPECTED: Readonly<Record<string, string>> = {
  array: 'a list (`[src, lib]`, or one "- item" per line)',
  object: "a mapping (`key: value` lines indented under it)",
  string: "a string",
};

/**
 * `__proto__` would set an object's prototype instead of naming a key, so it is refused wherever it
 * appears; `constructor`, `prototype` and other built-in names are plain names (layers live in Maps).
 */
function forbiddenKeys(value: unknown, keyPath: readonly (string | number)[]): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => forbiddenKeys(item, [...keyPath, index]));
  if (typeof value !== "object" || value === null) return [];
  return Object.getOwnPropertyNames(value).flatMap((key) =>
    key === "__proto__"
      ? [[...keyPath, key]]
      : forbiddenKeys((value as Record<string, unknown>)[key], [...keyPath, key]),
  );
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function knownKeysAt(keyPath: readonly (string | number)[]): string[] {
  if (keyPath.length === 0) return Object.keys(layerMapFileSchema.shape);
  if (keyPath[0] === "options") return Object.keys(optionsSchema.shape);
  if (keyPath[0] === "contexts")
    return Object.keys(keyPath.length > 1 ? contextAllowanceSchema.shape : contextsSchema.shape);
  if (keyPath[2] === "mayImport") return Object.keys(warnAllowanceSchema.shape);
  return Object.keys(layerSchema.shape);
}
