import { listed } from "../quoted-name.js";

/** A problem found in a layer map file, located by key path; the application adds line and column. */
export interface MapIssue {
  readonly file: string;
  readonly keyPath: readonly (string | number)[];
  readonly message: string;
  /** Point at the key itself rather than its value (unknown or misnamed keys). */
  readonly atKey?: boolean;
}

/** Names longer than this are cut (with "…"): a key path never carries a whole line of a file. */
const MAX_SHOWN_KEY = 40;

export function formatKeyPath(keyPath: readonly (string | number)[]): string {
  return keyPath.reduce<string>((text, part) => {
    if (typeof part === "number") return `${text}[${part}]`;
    const name = listed(part);
    if (name !== part) return `${text}[${shortenKey(name)}]`;
    const shown = shortenKey(part);
    return text === "" ? shown : `${text}.${shown}`;
  }, "");
}

/** A key as messages quote it: at most MAX_SHOWN_KEY characters. */
export function shortenKey(key: string): string {
  const characters = [...key];
  return characters.length <= MAX_SHOWN_KEY ? key : `${characters.slice(0, MAX_SHOWN_KEY).join("")}…`;
}
