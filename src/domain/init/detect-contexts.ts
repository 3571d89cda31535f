import { compareText } from "../violations/violation.js";
import { escapeGlob } from "../glob/escape-glob.js";
import { CONTEXT_CONTAINERS, DOMAIN_FOLDERS, folderKey, roleOfFolder } from "./vocabulary.js";

const SHARED_KERNEL_NAMES: ReadonlySet<string> = new Set(["shared", "common", "core", "kernel", "sharedkernel"]);

/** Vertical slices found in the layout: `src/modules/<context>/**`, `src/Contexts/<context>/**`. */
export interface DetectedContexts {
  /** The folder holding the contexts (`src/modules`). */
  readonly container: string;
  readonly pattern: string;
  /** The contexts, by folder name, sorted. */
  readonly names: readonly string[];
  /** Globs of the shared kernel among them (`src/Contexts/Shared/**`). */
  readonly shared: readonly string[];
}

/**
 * Contexts in a container folder (`src/modules/<context>`), else in the source root itself when it is
 * shaped like a CQRS app (`src/<context>/{domain,application,infrastructure}`). The first root that has
 * either wins.
 */
export function detectContexts(files: readonly string[], roots: readonly string[]): DetectedContexts | null {
  for (const root of roots) {
    const under = root === "" ? files : files.filter((file) => file.startsWith(`${root}/`));
    const inRoot = under.map((file) => (root === "" ? file : file.slice(root.length + 1)).split("/"));
    const found = inContainer(inRoot, root) ?? inRootFolders(inRoot, root);
    if (found !== null) return found;
  }
  return null;
}

/**
 * A folder directly in a source root whose own folders name at least two layers (`domain` and
 * `application`) is a context; two or more of them make the root's folders the contexts. The root's
 * other folders (`config`, `shared`, `lib`) are not contexts: they are written as the shared kernel,
 * which every context may import. Files directly in the root belong to no context.
 */
function inRootFolders(inRoot: readonly string[][], root: string): DetectedContexts | null {
  const layersIn = new Map<string, Set<string>>();
  for (const segments of inRoot) {
    const [folder, second] = segments;
    if (folder === undefined || second === undefined) continue;
    const roles = layersIn.get(folder) ?? new Set<string>();
    const child = segments.length >= 3 ? second : null;
    if (child !== null) {
      const role = DOMAIN_FOLDERS.has(folderKey(child)) ? "domain" : roleOfFolder(child);
      if (role !== null) roles.add(role);
    }
    layersIn.set(folder, roles);
  }
  const names = [...layersIn].filter(([, roles]) => roles.size >= 2).map(([name]) => name);
  if (names.length < 2) return null;
  const prefix = root === "" ? "" : `${escapeGlob(root)}/`;
  const shared = [...layersIn.keys()]
    .filter((name) => !names.includes(name))
    .map((name) => `${prefix}${escapeGlob(name)}/**`);
  return {
    container: root,
    pattern: `${prefix}<context>/**`,
    names: names.sort(compareText),
    shared: shared.sort(compareText),
  };
}

/**
 * A folder named like a context container (`modules`, `Contexts`, `features`, ...) directly in a source
 * root, holding at least two folders with source files: each is a context, except one named like a
 * shared kernel (`Shared`, `common`, `core`), which is the kernel. The first root that has one wins.
 */
function inContainer(inRoot: readonly string[][], root: string): DetectedContexts | null {
  const byContainer = new Map<string, Set<string>>();
  for (const segments of inRoot) {
    const [container, child] = segments;
    if (segments.length < 3 || container === undefined || child === undefined) continue;
    if (!CONTEXT_CONTAINERS.has(folderKey(container))) continue;
    const children = byContainer.get(container) ?? new Set<string>();
    children.add(child);
    byContainer.set(container, children);
  }
  for (const [name, children] of [...byContainer].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const container = root === "" ? name : `${root}/${name}`;
    const contexts = [...children].filter((child) => !SHARED_KERNEL_NAMES.has(folderKey(child))).sort();
    if (contexts.length < 2) continue;
    const shared = [...children]
      .filter((child) => SHARED_KERNEL_NAMES.has(folderKey(child)))
      .sort()
      .map((child) => `${escapeGlob(container)}/${escapeGlob(child)}/**`);
    return { container, pattern: `${escapeGlob(container)}/<context>/**`, names: contexts, shared };
  }
  return null;
}
