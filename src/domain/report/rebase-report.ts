import { renamedFiles, said, named } from "../message-words.js";
import { cycleId, violationId } from "../violations/violation-id.js";
import type { Violation } from "../violations/violation.js";
import { compareWarnings, type CheckReport, type CheckWarning } from "./check-report.js";

/** Where one map sits, seen from the folder a merged report speaks from: forward slashes, relative to that folder. */
export interface MapPlacement {
  /** The map's folder; "" when it is that folder. */
  readonly folder: string;
  /** The map file, e.g. `packages/api/layers.yaml`. */
  readonly map: string;
}

/**
 * One map's report in the coordinates of another folder: every file path (from, a local to, cycle, via,
 * warning files, and the files a message names) is put under the map's folder, and ids are derived again
 * from the rebased paths as a check run from that folder derives them, so two maps' ids never collide.
 * Messages are said again from their words with the files renamed. What speaks the map's own words stays
 * as written, since it is edited in the map: fixes, exception globs, public globs a message quotes, import
 * specifiers. A warning about the map itself names the map file, then says what it said.
 */
export function rebaseReport(report: CheckReport, placement: MapPlacement): CheckReport {
  // The loops of a tangle name the same files again and again: each path is joined once.
  const rebased = new Map<string, string>();
  const rebase = (path: string) => {
    let joined = rebased.get(path);
    if (joined === undefined) {
      joined = joinPath(placement.folder, path);
      rebased.set(path, joined);
    }
    return joined;
  };
  const { exceptions } = report.summary;
  return {
    ...report,
    summary: {
      ...report.summary,
      ...(exceptions === undefined ? {} : { exceptions: exceptions.map((use) => ({ ...use, map: placement.map })) }),
    },
    violations: report.violations.map((violation) => rebaseViolation(violation, rebase)),
    warnings: report.warnings.map((warning) => rebaseWarning(warning, placement, rebase)).sort(compareWarnings),
  };
}

function rebaseViolation(violation: Violation, rebase: (path: string) => string): Violation {
  const from = rebase(violation.from);
  const to = violation.to === null || violation.kind === "package" ? violation.to : rebase(violation.to);
  const cycle = violation.cycle?.map(rebase);
  return {
    ...violation,
    id: cycle === undefined ? violationId(violation.kind, from, to) : cycleId(cycle),
    from,
    to,
    ...renamedFiles(violation.messageWords, rebase),
    ...(cycle === undefined ? {} : { cycle }),
    ...(violation.via === undefined ? {} : { via: violation.via.map(rebase) }),
  };
}

function rebaseWarning(warning: CheckWarning, placement: MapPlacement, rebase: (path: string) => string): CheckWarning {
  if (warning.file === undefined)
    return { ...warning, file: placement.map, ...said`${named(placement.map)}: ${warning.messageWords}` };
  return { ...warning, file: rebase(warning.file), ...renamedFiles(warning.messageWords, rebase) };
}

/** `folder/path` with `.` and `..` segments resolved, as POSIX paths join. */
function joinPath(folder: string, path: string): string {
  const segments: string[] = [];
  for (const segment of `${folder}/${path}`.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === ".." && segments.length > 0 && segments.at(-1) !== "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/");
}
