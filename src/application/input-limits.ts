/** What a file read because a repository names it is: each kind has its own size limit. */
export type InputKind =
  "map" | "tsconfig" | "manifest" | "ignore-file" | "source" | "baseline" | "cache" | "committed-output";

const MiB = 1024 * 1024;

/** The largest file layerlint reads of each kind, in bytes; the README's "Errors and limits" lists them. */
export const INPUT_LIMITS: Readonly<Record<InputKind, number>> = {
  map: 1 * MiB,
  tsconfig: 1 * MiB,
  manifest: 1 * MiB,
  "ignore-file": 1 * MiB,
  source: 2 * MiB,
  baseline: 256 * MiB,
  cache: 256 * MiB,
  "committed-output": 64 * MiB,
};

/** How a message names a file of each kind. */
export const INPUT_NOUNS: Readonly<Record<InputKind, string>> = {
  map: "a layer map",
  tsconfig: "a tsconfig",
  manifest: "a package manifest",
  "ignore-file": "a .gitignore",
  source: "a source file",
  baseline: "a baseline",
  cache: "a cache file",
  "committed-output": "a committed output",
};

export function describeLimit(bytes: number): string {
  return `${bytes}-byte (${bytes / MiB} MiB)`;
}
