import { watch, type FSWatcher } from "node:fs";
import { join } from "node:path";
import type { FileWatcher } from "../../application/ports.js";

/**
 * Node's own watchers: each included folder recursively, and the map's folder itself (the map,
 * tsconfig, package.json); the whole folder recursively when it is itself included.
 */
export const nodeFileWatcher: FileWatcher = {
  watch(root, folders, onChange) {
    const watchers: FSWatcher[] = [];
    const listen = (folder: string, recursive: boolean): void => {
      const prefix = folder === "." || folder === "" ? "" : `${folder.replace(/\/+$/, "")}/`;
      const watcher = watch(join(root, folder), { recursive }, (_event, name) => {
        if (name !== null) onChange([`${prefix}${name.toString().split("\\").join("/")}`]);
      });
      // A folder removed while watched ends its watcher; the next check reports what is gone.
      watcher.on("error", () => watcher.close());
      watchers.push(watcher);
    };
    const wholeRoot = folders.some((folder) => folder === "." || folder === "");
    listen(".", wholeRoot);
    if (!wholeRoot) for (const folder of folders) listen(folder, true);
    return { close: () => watchers.forEach((watcher) => watcher.close()) };
  },
};
