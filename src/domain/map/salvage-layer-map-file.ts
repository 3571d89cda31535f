import type { LayerMapFile } from "./layer-map-schema.js";
import type { MapIssue } from "./map-issue.js";
import { parseLayerMapFile } from "./parse-layer-map-file.js";

export type KeyPath = readonly (string | number)[];

export interface SalvagedLayerMapFile {
  /** The file without what the schema refused; null when nothing of it can be read (empty, not a mapping). */
  readonly content: LayerMapFile | null;
  /** The schema's problems: every one, as the file was written. */
  readonly issues: readonly MapIssue[];
  /** The key paths left out of `content`, so later checks do not report what follows from their absence. */
  readonly stripped: readonly KeyPath[];
}

const MAX_ROUNDS = 8;

/**
 * Validates one file against the schema and, when it fails, leaves out each refused key (a whole list for
 * a refused item, an empty mapping for a refused layer) until the rest passes: the references, globs,
 * contexts and paths of the rest are then checked too, so every problem of the file is listed at once.
 */
export function salvageLayerMapFile(file: string, value: unknown): SalvagedLayerMapFile {
  const first = parseLayerMapFile(file, value);
  if (first.ok) return { content: first.content, issues: [], stripped: [] };
  const stripped: KeyPath[] = [];
  // A wrong or missing version is read as 1, the only one, so the rest of the file is checked too.
  const versionRefused = first.issues.some(({ keyPath }) => keyPath.length === 1 && keyPath[0] === "version");
  let refused = first.issues
    .map((issue) => issue.keyPath)
    .filter((keyPath) => !versionRefused || keyPath.length !== 1 || keyPath[0] !== "version");
  let current = versionRefused && isPlainObject(value) ? { ...value, version: 1 } : value;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const targets = refused.map(strippable);
    if (targets.some((keyPath) => keyPath.length === 0 || keyPath.includes("__proto__"))) break;
    const fresh = targets.filter((keyPath) => !stripped.some((done) => samePath(done, keyPath)));
    const next = fresh.length > 0 ? fresh : targets.map((keyPath) => keyPath.slice(0, -1));
    if (next.some((keyPath) => keyPath.length === 0)) break;
    stripped.push(...next);
    current = next.reduce(
      (content, keyPath) => (isLayer(keyPath) ? emptied(content, keyPath) : withoutKey(content, keyPath)),
      current,
    );
    const again = parseLayerMapFile(file, current);
    if (again.ok) return { content: again.content, issues: first.issues, stripped };
    refused = again.issues.map((issue) => issue.keyPath);
  }
  return { content: null, issues: first.issues, stripped: [] };
}

/** Whether an issue found after stripping is only the absence of what was stripped (a layer without `paths`). */
export function followsFromStripping(issuePath: KeyPath, stripped: readonly KeyPath[]): boolean {
  return stripped.some(
    (keyPath) => samePath(issuePath, keyPath.slice(0, -1)) || samePath(issuePath.slice(0, keyPath.length), keyPath),
  );
}

/** An item of a list is left out with its list, so positions of the other items never shift. */
function strippable(keyPath: KeyPath): KeyPath {
  const firstIndex = keyPath.findIndex((part) => typeof part === "number");
  return firstIndex === -1 ? keyPath : keyPath.slice(0, firstIndex);
}

function samePath(a: KeyPath, b: KeyPath): boolean {
  return a.length === b.length && a.every((part, index) => part === b[index]);
}

function withoutKey(value: unknown, keyPath: KeyPath): unknown {
  if (keyPath.length === 0 || !isPlainObject(value)) return value;
  const [head, ...rest] = keyPath as [string | number, ...(string | number)[]];
  const key = String(head);
  if (!Object.hasOwn(value, key)) return value;
  const copy: Record<string, unknown> = { ...value };
  if (rest.length > 0) copy[key] = withoutKey(value[key], rest);
  else delete copy[key];
  return copy;
}

/** A refused layer stays, empty, so the layers that name it in `mayImport` are not wrongly told it is unknown. */
function isLayer(keyPath: KeyPath): boolean {
  return keyPath.length === 2 && keyPath[0] === "layers";
}

function emptied(value: unknown, keyPath: KeyPath): unknown {
  if (!isPlainObject(value) || !isPlainObject(value.layers)) return value;
  return { ...value, layers: { ...value.layers, [String(keyPath[1])]: {} } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
