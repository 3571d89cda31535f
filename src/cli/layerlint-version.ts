import { createRequire } from "node:module";

/** The installed package's version: what `--version` prints and reports that name their tool carry. */
export const LAYERLINT_VERSION = (createRequire(import.meta.url)("../../package.json") as { version: string }).version;
