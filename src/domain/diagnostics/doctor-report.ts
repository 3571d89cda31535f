import type { Diagnostic, DiagnosticSeverity } from "./diagnostic.js";

export const DOCTOR_REPORT_VERSION = 1;

/** A place in a map file as a user sees it: `layers.yaml:12:5`. */
export interface MapLocation {
  readonly file: string;
  readonly line: number | null;
  readonly column: number | null;
}

/** A doctor finding with its map position resolved to file, line and column. */
export type DoctorFinding = Omit<Diagnostic, "at"> & { readonly location: MapLocation | null };

/** What `layerlint doctor --format json` prints. */
export interface DoctorReport {
  readonly version: typeof DOCTOR_REPORT_VERSION;
  readonly summary: Readonly<Record<DiagnosticSeverity, number>> & { readonly files: number; readonly layers: number };
  readonly findings: readonly DoctorFinding[];
}

export const DOCTOR_FORMATS = ["text", "json"] as const;
export type DoctorFormat = (typeof DOCTOR_FORMATS)[number];

export function formatMapLocation(location: MapLocation): string {
  return [location.file, location.line, location.column].filter((part) => part !== null).join(":");
}

export function hasErrorFindings(report: DoctorReport): boolean {
  return report.summary.error > 0;
}
