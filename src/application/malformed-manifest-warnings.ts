import { relative, sep } from "node:path";
import type { CheckWarning } from "../domain/report/check-report.js";
import type { MalformedManifest } from "./find-workspace-packages.js";
import { named, said } from "../domain/message-words.js";

/**
 * A package.json that is not JSON cannot declare workspaces or name a workspace package: a warning
 * naming it (relative to the map's folder, `../package.json` above it) at the place it stops being JSON.
 */
export function malformedManifestWarnings(malformed: readonly MalformedManifest[], rootDir: string): CheckWarning[] {
  return malformed.map((manifest) => {
    const shown = relative(rootDir, manifest.file).split(sep).join("/");
    const at = manifest.line === null ? "" : `:${manifest.line}:${manifest.column}`;
    const unread = "its workspaces and package name are not read";
    const consequence = "so imports of workspace packages resolve as if it declared none";
    return {
      code: "malformed-package-json",
      ...(shown.startsWith("../") ? {} : { file: shown }),
      ...said`${named(shown)}${at}: not valid JSON (${manifest.reason}): ${unread}, ${consequence}`,
    };
  });
}
