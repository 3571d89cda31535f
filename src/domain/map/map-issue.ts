import { listed } from "../quoted-name.js";

/** A problem found in a layer map file, located by key path; the application adds line and column. */
export interface MapIssue {
  readonly file: string;
  readonly keyPath: readonly (string | number)[];
  readonly message: string;
  /** Point at the key itself rather than its value (unknown or misnamed keys). */
  readonly atKey?: boolean;
}

export function formatKeyPath(keyPath: readonly (string | number)[]): string {
  return keyPath.reduce<string>((text, part) => {
    if (typeof part === "number") return `${text}[${part}]`;
    const name = listed(part);
    if (name !== part) return `${text}[${name}]`;
    return text === "" ? part : `${text}.${part}`;
  }, "");
}
