import type { ReporterOptions } from "./reporter.js";

/** A map-relative file path as a CI tool resolves it: under `options.pathPrefix` when one is set. */
export function reportedPath(path: string, options: ReporterOptions): string {
  const prefix = options.pathPrefix ?? "";
  return prefix === "" ? path : `${prefix}/${path}`;
}
