import { CONTEXT_CONTAINERS, folderKey } from "./vocabulary.js";

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
 * A folder named like a context container (`modules`, `Contexts`, `features`, ...) directly in a source
 * root, holding at least two folders with source files: each is a context, except one named like a
 * shared kernel (`Shared`, `common`, `core`), which is the kernel. The first root that has one wins.
 */
export function detectContexts(files: readonly string[], roots: readonly string[]): DetectedContexts | null {
  for (const root of roots) {
    const under = root === "" ? files : files.filter((file) => file.startsWith(`${root}/`));
    const byContainer = new Map<string, Set<string>>();
    for (const file of under) {
      const segments = (root === "" ? file : file.slice(root.length + 1)).split("/");
      if (segments.length < 3 || !CONTEXT_CONTAINERS.has(folderKey(segments[0] as string))) continue;
      const children = byContainer.get(segments[0] as string) ?? new Set<string>();
      children.add(segments[1] as string);
      byContainer.set(segments[0] as string, children);
    }
    for (const [name, children] of [...byContainer].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const container = root === "" ? name : `${root}/${name}`;
      const contexts = [...children].filter((child) => !SHARED_KERNEL_NAMES.has(folderKey(child))).sort();
      if (contexts.length < 2) continue;
      const shared = [...children]
        .filter((child) => SHARED_KERNEL_NAMES.has(folderKey(child)))
        .sort()
        .map((child) => `${container}/${child}/**`);
      return { container, pattern: `${container}/<context>/**`, names: contexts, shared };
    }
  }
  return null;
}
