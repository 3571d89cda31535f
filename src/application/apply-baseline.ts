import { serializeBaseline, type Baseline } from "../domain/baseline/baseline.js";
import { matchBaseline } from "../domain/baseline/match-baseline.js";
import { parseBaseline } from "../domain/baseline/parse-baseline.js";
import { BaselineError } from "../domain/errors.js";
import { countByKind, withFailure, type BaselineSummary, type CheckReport } from "../domain/report/check-report.js";
import type { FileSystem } from "./ports.js";

export interface BaselineFile {
  /** Absolute path. */
  readonly path: string;
  /** How messages name it: as the user wrote it. */
  readonly display: string;
}

export interface ApplyBaselineRequest {
  readonly file: BaselineFile;
  readonly baseline: Baseline;
  /** `error` (default): stale entries fail the check, so the baseline only shrinks. */
  readonly stale: "error" | "warn";
  /** Rewrite the file without the stale entries (never adding new ones). */
  readonly update: boolean;
  /** Files the report covers (PATHS, --changed): entries of other files are never stale. */
  readonly inScope: (file: string) => boolean;
}

/** Reads and validates a baseline file; every problem is a BaselineError naming it. */
export async function readBaseline(fileSystem: FileSystem, file: BaselineFile): Promise<Baseline> {
  if (!(await fileSystem.exists(file.path)) || (await fileSystem.isDirectory(file.path))) {
    throw new BaselineError([
      {
        file: file.display,
        line: null,
        column: null,
        key: "",
        message: "no such baseline file: record one with `layerlint baseline`",
      },
    ]);
  }
  return parseBaseline(file.display, await fileSystem.readText(file.path, "baseline"));
}

/** `check --baseline`: the report keeps only the new violations; known ones are counted, stale ones listed. */
export async function applyBaseline(
  fileSystem: FileSystem,
  report: CheckReport,
  request: ApplyBaselineRequest,
): Promise<CheckReport> {
  const match = matchBaseline(report.violations, request.baseline, request.inScope);
  if (request.update) {
    const text = serializeBaseline(match.shrunk);
    if (text !== serializeBaseline(request.baseline)) await fileSystem.writeTextAtomic(request.file.path, text);
  }
  const summary: BaselineSummary = {
    new: match.fresh.length,
    known: match.known.length,
    stale: match.stale,
    staleAction: request.update ? "removed" : request.stale,
  };
  const applied: CheckReport = {
    ...report,
    summary: { ...report.summary, violations: countByKind(match.fresh), baseline: summary },
    violations: match.fresh,
  };
  if (summary.staleAction !== "error" || match.stale.length === 0) return applied;
  const entries =
    match.stale.length === 1
      ? "1 baseline entry no longer occurs"
      : `${match.stale.length} baseline entries no longer occur`;
  return withFailure(applied, {
    code: "stale-baseline",
    message: `${entries}: the baseline only shrinks, rewrite it with --update-baseline`,
  });
}
