import { createLayerClassifier } from "../classify/layer-classifier.js";
import { compileGlobList } from "../glob/compile-glob.js";
import type { Layer } from "../map/layer-map.js";
import { compareText } from "../violations/violation.js";
import { escapeGlob } from "../glob/escape-glob.js";
import { placeByVocabulary, type Placement } from "./classify-by-vocabulary.js";
import type { DetectedContexts } from "./detect-contexts.js";
import { VOCABULARY, type Role, type RoleWords } from "./vocabulary.js";
import { wiringIndexPlacements } from "./wiring-index.js";
import { defined } from "../collections/defined.js";

export interface VocabularyLayer extends Layer {
  /** The comment written above the layer. */
  readonly comment: string;
  /** How many files it holds. */
  readonly files: number;
}

export interface VocabularyPlan {
  readonly layers: readonly VocabularyLayer[];
  readonly contexts: DetectedContexts | null;
  /** Files no word of the vocabulary places: left unassigned, for `doctor` to suggest a layer. */
  readonly unassigned: readonly string[];
  readonly files: number;
}

/**
 * Layers from the vocabulary: one per role that holds files, in the vocabulary's order, each with the
 * globs that placed its files. Where one layer's glob also matches another layer's files (a suffix
 * inside a folder of another role), `!` entries remove them, so every file is claimed by exactly the
 * layer its placement names and by no other: the map needs no first-match order and `doctor` sees no
 * overlap. Files nothing places stay unassigned, never in a catch-all layer.
 */
export function planByVocabulary(
  files: readonly string[],
  roots: readonly string[],
  contexts: DetectedContexts | null,
): VocabularyPlan {
  const { placements, unassigned } = placeFiles(files, roots, contexts);
  const present = VOCABULARY.filter((words) => [...placements.values()].some((placed) => placed.role === words.role));
  const presentRoles = new Set<Role>(present.map((words) => words.role));
  const paths = exclusivePaths(files, present, placements);
  const layers = present.map((words): VocabularyLayer => {
    const count = [...placements.values()].filter((placed) => placed.role === words.role).length;
    return {
      ...layerOf(words.role, withoutIdleGlobs(paths.get(words.role) ?? [], files)),
      mayImport: words.mayImport.filter((target) => presentRoles.has(target)),
      warnImports: (words.tolerates ?? [])
        .filter((tolerated) => presentRoles.has(tolerated.role))
        .map((tolerated) => ({ layer: tolerated.role, reason: tolerated.reason })),
      description: words.description,
      comment: `${words.role} (${count} ${count === 1 ? "file" : "files"}): ${words.description}`,
      files: count,
    };
  });
  return { layers, contexts, unassigned, files: files.length };
}

/** Where the vocabulary places each file (index files of wiring folders included), and the files it places nowhere. */
function placeFiles(
  files: readonly string[],
  roots: readonly string[],
  contexts: DetectedContexts | null,
): { readonly placements: ReadonlyMap<string, Placement>; readonly unassigned: readonly string[] } {
  const placements = new Map<string, Placement>();
  const unassigned: string[] = [];
  for (const file of files) {
    const root = rootOf(file, roots);
    const contextAt =
      contexts !== null && (contexts.container === "" || file.startsWith(`${contexts.container}/`))
        ? depthOf(contexts.container) - depthOf(root)
        : null;
    const placement = placeByVocabulary(file, root, contextAt);
    if (placement === null) unassigned.push(file);
    else placements.set(file, placement);
  }
  for (const [file, placement] of wiringIndexPlacements(files, placements)) placements.set(file, placement);
  return { placements, unassigned };
}

/**
 * Each present role's paths: the globs placing its files, then the `!` entries and single files that make
 * every file claimed by the layer its placement names and by no other.
 */
function exclusivePaths(
  files: readonly string[],
  present: readonly RoleWords[],
  placements: ReadonlyMap<string, Placement>,
): Map<Role, string[]> {
  const paths = new Map<Role, string[]>(
    present.map((words) => [
      words.role,
      [
        ...new Set(
          [...placements.values()].filter((placed) => placed.role === words.role).map((placed) => placed.glob),
        ),
      ].sort(compareText),
    ]),
  );
  const expected = (file: string): Role | null => placements.get(file)?.role ?? null;
  const claims = () => createLayerClassifier(present.map((words) => layerOf(words.role, paths.get(words.role) ?? [])));

  // First the placing globs of the files a layer should not claim, where that removes none of its own files.
  let classifier = claims();
  for (const words of present) {
    const own = defined(paths.get(words.role), "the globs of a role found");
    const intruders = files.filter(
      (file) => expected(file) !== words.role && classifier.layersClaiming(file).includes(words.role),
    );
    const removals = [...new Set(intruders.map((file) => placements.get(file)?.glob ?? escapeGlob(file)))].sort(
      compareText,
    );
    // A removal that also takes some of the layer's own files is worth it when re-adding them one by one
    // (the file-by-file pass below) writes fewer entries than removing its intruders one by one would.
    const safe = removals.filter((glob) => {
      const test = compileGlobList([glob]).map((compiled) => new RegExp(compiled.regex));
      const matches = (file: string) => test.some((regex) => regex.test(file));
      const ownTaken = files.filter((file) => expected(file) === words.role && matches(file)).length;
      return ownTaken === 0 || 1 + ownTaken < intruders.filter(matches).length;
    });
    paths.set(words.role, [...own, ...safe.map((glob) => `!${glob}`)]);
  }
  // Then file by file, for what is left.
  classifier = claims();
  for (const file of files) {
    const claiming = classifier.layersClaiming(file);
    const role = expected(file);
    for (const layer of claiming) {
      if (layer !== role) paths.set(layer as Role, [...(paths.get(layer as Role) ?? []), `!${escapeGlob(file)}`]);
    }
    if (role !== null && !claiming.includes(role)) paths.set(role, [...(paths.get(role) ?? []), escapeGlob(file)]);
  }
  return paths;
}

function layerOf(role: Role, paths: readonly string[]): Layer {
  return { name: role, paths, mayImport: [], packages: null, description: null };
}

function rootOf(file: string, roots: readonly string[]): string {
  return (
    roots.filter((root) => root !== "" && file.startsWith(`${root}/`)).sort((a, b) => b.length - a.length)[0] ?? ""
  );
}

function depthOf(folder: string): number {
  return folder === "" ? 0 : folder.split("/").length;
}

/**
 * The entries without the globs that match no file once the `!` entries after them are applied (a file a
 * later entry removes, then re-adds by name): `doctor` would flag each as `glob-matches-nothing`.
 */
function withoutIdleGlobs(paths: readonly string[], files: readonly string[]): string[] {
  const idle = new Set(
    compileGlobList(paths)
      .filter((compiled) => {
        const regex = new RegExp(compiled.regex);
        return !files.some((file) => regex.test(file));
      })
      .map((compiled) => compiled.glob),
  );
  const kept = paths.filter((glob) => !idle.has(glob));
  const firstPositive = kept.findIndex((glob) => !glob.startsWith("!"));
  return firstPositive < 0 ? [] : kept.slice(firstPositive);
}
