import type { CheckReport, CheckWarning, WarningCode } from "./check-report.js";
import { withFailure } from "./check-report.js";

/** Every code a check warning can carry, in the README's order. */
export const WARNING_CODES = [
  "unresolved-import",
  "parse-error",
  "layer-matches-nothing",
  "glob-matches-nothing",
  "nothing-checked",
  "file-too-large",
  "not-a-regular-file",
  "import-outside-project",
  "stale-exception",
  "expired-exception",
  "workspace-without-map",
] as const satisfies readonly WarningCode[];

export const WARNING_LEVELS = ["off", "warn", "error"] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** Levels by code; a code not listed is `warn`. */
export type WarningLevels = Readonly<Partial<Record<WarningCode, WarningLevel>>>;

/** Where a level was set, named in the failure it causes. */
export type WarningLevelSource = "options.warnings" | "--warnings";

export interface SourcedWarningLevels {
  readonly levels: WarningLevels;
  /** The source of each level; a run's `--warnings` overrides the map's `options.warnings`. */
  readonly sources: Readonly<Partial<Record<WarningCode, WarningLevelSource>>>;
}

/** The map's levels overridden by the run's. */
export function combineWarningLevels(map: WarningLevels, run: WarningLevels): SourcedWarningLevels {
  const levels: Partial<Record<WarningCode, WarningLevel>> = {};
  const sources: Partial<Record<WarningCode, WarningLevelSource>> = {};
  for (const [code, level] of Object.entries(map) as [WarningCode, WarningLevel][]) {
    levels[code] = level;
    sources[code] = "options.warnings";
  }
  for (const [code, level] of Object.entries(run) as [WarningCode, WarningLevel][]) {
    levels[code] = level;
    sources[code] = "--warnings";
  }
  return { levels, sources };
}

/**
 * `off` drops a code's warnings; `error` keeps them as warnings and fails the check with one
 * `warnings-as-errors` failure per code that occurred, naming where the level was set.
 */
export function applyWarningLevels(report: CheckReport, { levels, sources }: SourcedWarningLevels): CheckReport {
  const warnings = report.warnings.filter((warning) => levels[warning.code] !== "off");
  let leveled: CheckReport = warnings.length === report.warnings.length ? report : { ...report, warnings };
  for (const [code, count] of countsByCode(warnings)) {
    if (levels[code] !== "error") continue;
    const setting = sources[code] === "--warnings" ? `--warnings ${code}=error` : `options.warnings.${code}: error`;
    const subject = count === 1 ? `1 ${code} warning fails` : `${count} ${code} warnings fail`;
    leveled = withFailure(leveled, { code: "warnings-as-errors", message: `${subject} the check (${setting})` });
  }
  return leveled;
}

function countsByCode(warnings: readonly CheckWarning[]): Map<WarningCode, number> {
  const counts = new Map<WarningCode, number>();
  for (const warning of warnings) counts.set(warning.code, (counts.get(warning.code) ?? 0) + 1);
  return new Map([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
