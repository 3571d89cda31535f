import type { Dirent } from "node:fs";
import { readdir, readFile, readlink, realpath, stat } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import type { GraphDependency, GraphModule } from "../../domain/graph/module-graph.js";
import { hashBytes } from "./content-hashes.js";

/** Where a bare specifier can lead besides node_modules (whose installed names and lockfiles are in the graph key). */
export interface ResolutionSettings {
  readonly rootDir: string;
  readonly paths: Readonly<Record<string, readonly string[]>>;
  readonly pathsBase: string;
  readonly baseUrl: string | undefined;
  /** Workspace packages by name, to absolute paths. */
  readonly aliases: Readonly<Record<string, string>>;
  /** The root package.json's `imports` field (`#name` specifiers). */
  readonly imports: unknown;
}

/**
 * A fingerprint per module of what its imports' resolution looked at: for every path an import could
 * resolve to, the entries of its folder that could answer it (name, kind, a link's target and the real
 * path it leads to), the listing of a matching folder and its package.json. A file added, removed,
 * renamed or linked where an import could find it changes the fingerprint of that importer only; a
 * file no import could reach (`notes.txt`, a build output) changes none.
 */
export interface ResolutionProbes {
  fingerprintOf(module: GraphModule): Promise<string>;
}

export function createResolutionProbes(settings: ResolutionSettings): ResolutionProbes {
  const folders = new Map<string, Promise<Folder>>();
  const manifests = new Map<string, Promise<string>>();
  const manifest = (path: string): Promise<string> => {
    let text = manifests.get(path);
    if (text === undefined) {
      text = readFile(path, "utf8").catch(() => "");
      manifests.set(path, text);
    }
    return text;
  };
  const folder = (path: string): Promise<Folder> => {
    let found = folders.get(path);
    if (found === undefined) {
      found = readFolder(path);
      folders.set(path, found);
    }
    return found;
  };
  // Not memoized (a package.json may lead back to where it was found); the folder listings are.
  const probe = async (path: string, depth: number): Promise<string> => {
    const parent = dirname(path);
    if (parent === path || depth > MAX_DEPTH) return path;
    const listing = await folder(parent);
    if (listing.state !== "folder") return `${parent} ${listing.state} | ${await probe(parent, depth + 1)}`;
    // Every entry that answers the name answers its stem (`users.js.map` starts with `users.`).
    const matches = listing.byStem.get(stemOf(basename(path))) ?? [];
    const parts = [`${parent} (${listing.real}): ${matches.map((entry) => entry.join(" ")).join(", ")}`];
    for (const [entry, kind] of matches) {
      if (kind !== "folder" && !kind.endsWith(" folder")) continue;
      const inner = await folder(join(parent, entry));
      parts.push(`${entry}/ (${inner.real}): ${inner.entries.map((each) => each.join(" ")).join(", ")}`);
      if (inner.entries.some(([file]) => file === "package.json")) {
        const text = await manifest(join(parent, entry, "package.json"));
        parts.push(`package.json ${hashBytes(text)}`);
        for (const target of manifestTargets(text)) parts.push(await probe(resolve(parent, entry, target), depth + 1));
      }
    }
    return parts.join(" | ");
  };
  // A probe from the top depends on its path alone: many imports lead to the same module.
  const probes = new Map<string, Promise<string>>();
  const probeFrom = (path: string): Promise<string> => {
    let found = probes.get(path);
    if (found === undefined) {
      found = probe(path, 0);
      probes.set(path, found);
    }
    return found;
  };
  return {
    async fingerprintOf(module) {
      const parts: string[] = [];
      for (const dependency of module.dependencies) {
        for (const candidate of candidatesOf(settings, module.source, dependency))
          parts.push(`${dependency.specifier} -> ${await probeFrom(candidate)}`);
      }
      return hashBytes(parts.join("\n"));
    },
  };
}

/** Deep enough for any real tree (each step is a folder up, or a package.json's target). */
const MAX_DEPTH = 64;

/** Absolute paths an import's resolution starts from (each tried with extensions, as a folder, …). */
function candidatesOf(settings: ResolutionSettings, source: string, dependency: GraphDependency): string[] {
  if (dependency.target === "builtin") return [];
  const specifier = dependency.specifier.replace(/[?#].*$/s, "") || dependency.specifier;
  if (/^\.\.?(\/|$)/.test(specifier)) return [resolve(settings.rootDir, dirname(source), specifier)];
  if (isAbsolute(specifier)) return [specifier];
  const candidates: string[] = [];
  if (dependency.specifier.startsWith("#")) {
    for (const target of patternTargets(settings.imports, dependency.specifier))
      candidates.push(resolve(settings.rootDir, target));
    return candidates;
  }
  for (const [pattern, targets] of Object.entries(settings.paths)) {
    const star = matchPattern(pattern, specifier);
    if (star === null) continue;
    for (const target of targets) candidates.push(resolve(settings.pathsBase, target.replace("*", star)));
  }
  if (settings.baseUrl !== undefined) candidates.push(resolve(settings.baseUrl, specifier));
  for (const [name, target] of Object.entries(settings.aliases)) {
    if (specifier === name || specifier.startsWith(`${name}/`))
      candidates.push(join(target, specifier.slice(name.length)));
  }
  return candidates;
}

/** What `*` stands for when the pattern matches, "" for an exact match; null when it does not match. */
function matchPattern(pattern: string, specifier: string): string | null {
  const star = pattern.indexOf("*");
  if (star < 0) return pattern === specifier ? "" : null;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  return specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix)
    ? specifier.slice(prefix.length, specifier.length - suffix.length)
    : null;
}

/** Every target of a package.json `imports` entry the specifier matches, whatever the condition. */
function patternTargets(imports: unknown, specifier: string): string[] {
  if (typeof imports !== "object" || imports === null) return [];
  const found: string[] = [];
  for (const [pattern, value] of Object.entries(imports)) {
    const star = matchPattern(pattern, specifier);
    if (star !== null) for (const target of stringLeaves(value)) found.push(target.replaceAll("*", star));
  }
  return found;
}

/** The paths a folder's package.json can send an import of the folder to. */
function manifestTargets(text: string): string[] {
  try {
    const manifest = JSON.parse(text) as Record<string, unknown>;
    return ["main", "module", "types", "typings", "browser", "exports"]
      .flatMap((field) => stringLeaves(manifest[field]))
      .filter((target) => !target.includes("*"));
  } catch {
    return [];
  }
}

function stringLeaves(value: unknown, depth = 0): string[] {
  if (typeof value === "string") return [value];
  if (typeof value !== "object" || value === null || depth > 8) return [];
  return Object.values(value).flatMap((each) => stringLeaves(each, depth + 1));
}

/**
 * The entries by every stem they answer: a folder entry could be what a resolver tries for `name` when it is
 * the name itself or the name with an extension, so `users.test.ts` answers `users`, `users.test` and itself.
 */
function byStem(entries: readonly (readonly [string, string])[]): Map<string, (readonly [string, string])[]> {
  const index = new Map<string, (readonly [string, string])[]>();
  const add = (stem: string, entry: readonly [string, string]) => {
    const list = index.get(stem);
    if (list === undefined) index.set(stem, [entry]);
    else list.push(entry);
  };
  for (const entry of entries) {
    const [name] = entry;
    for (let dot = name.indexOf(".", 1); dot > 0; dot = name.indexOf(".", dot + 1)) add(name.slice(0, dot), entry);
    add(name, entry);
  }
  return index;
}

/** The part of a name every candidate shares: `users` for `users.js`, so `users.ts` and `users/` match. */
function stemOf(name: string): string {
  const dot = name.indexOf(".", 1);
  return dot < 0 ? name : name.slice(0, dot);
}

interface Folder {
  /** "folder", or why it is none (`cannot be listed (ENOENT)`). */
  readonly state: string;
  readonly real: string;
  /** [name, kind], sorted by name; a link's kind names its target and what it leads to. */
  readonly entries: readonly (readonly [string, string])[];
  /** The entries (in the same order) that could answer each stem (see stemOf). */
  readonly byStem: ReadonlyMap<string, readonly (readonly [string, string])[]>;
}

async function readFolder(path: string): Promise<Folder> {
  let entries: Dirent[];
  try {
    entries = await readdir(path, { withFileTypes: true });
  } catch (error) {
    const state = `cannot be listed (${(error as NodeJS.ErrnoException).code ?? "?"})`;
    return { state, real: "", entries: [], byStem: new Map() };
  }
  const real = await realpath(path).catch(() => path);
  const named = await Promise.all(
    entries.map(async (entry) => [entry.name, await kindOf(join(path, entry.name), entry)] as const),
  );
  const sorted = named.sort(byName);
  return { state: "folder", real, entries: sorted, byStem: byStem(sorted) };
}

async function kindOf(path: string, entry: Dirent): Promise<string> {
  if (entry.isDirectory()) return "folder";
  if (entry.isFile()) return "file";
  if (!entry.isSymbolicLink()) return "other";
  const target = await readlink(path).catch(() => "?");
  const real = await realpath(path).catch(() => "dangling");
  const leads = await stat(path).then(
    (stats) => (stats.isDirectory() ? "folder" : stats.isFile() ? "file" : "other"),
    () => "nothing",
  );
  return `link to ${target} (${real}) ${leads}`;
}

function byName(a: readonly [string, string], b: readonly [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}
