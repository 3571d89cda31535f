import { listed } from "../quoted-name.js";

/** A context's name inside an explain sentence: quoted unless plain, `?` when the file is in no context. */
export function shownContext(name: string | null | undefined): string {
  return name === null || name === undefined ? "?" : listed(name);
}
