import { compareText } from "../violations/violation.js";

/**
 * `error` findings make `layerlint doctor` exit 1; by default doctor finds none (`--strict` turns warnings into
 * errors).
 */
export type DiagnosticSeverity = "error" | "warning" | "info";

export type DiagnosticCode =
  | "nothing-checked"
  | "layer-matches-nothing"
  | "glob-matches-nothing"
  | "claimed-by-several-layers"
  | "unclaimed-files"
  | "allowed-cycle"
  | "unused-may-import"
  | "unused-package"
  | "extends-preset"
  | "overrides-preset"
  | "context-matches-nothing"
  | "unknown-context";

/** A key in one of the map's files (the user's map or a preset), for the application to turn into line and column. */
export interface MapPointer {
  readonly file: string;
  readonly keyPath: readonly (string | number)[];
  readonly atKey?: boolean;
}

/** One finding about the layer map itself. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: DiagnosticSeverity;
  /** One sentence: what doctor found. */
  readonly message: string;
  /** One sentence: what to do about it; null when nothing needs doing. */
  readonly hint: string | null;
  readonly at: MapPointer | null;
  /** The files the finding is about, sorted (unclaimed or multiply claimed files). */
  readonly files: readonly string[];
}

const SEVERITY_ORDER: readonly DiagnosticSeverity[] = ["error", "warning", "info"];
const CODE_ORDER: readonly DiagnosticCode[] = [
  "nothing-checked",
  "layer-matches-nothing",
  "glob-matches-nothing",
  "claimed-by-several-layers",
  "unclaimed-files",
  "allowed-cycle",
  "unused-may-import",
  "unused-package",
  "extends-preset",
  "overrides-preset",
  "context-matches-nothing",
  "unknown-context",
];

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
    CODE_ORDER.indexOf(a.code) - CODE_ORDER.indexOf(b.code) ||
    compareText(a.message, b.message)
  );
}
