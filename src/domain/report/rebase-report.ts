import { escapeLiteral } from "../glob/compile-glob.js";
import { violationId } from "../violations/violation-id.js";
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
 * warning files, and those paths where a message names them) is put under the map's folder, and ids are
 * derived again from the rebased paths, so `id` stays `violationId(kind, from, to)` and two maps' ids never
 * collide. What speaks the map's own words stays as written, since it is edited in the map: fixes, exception
 * globs, public globs a message quotes, import specifiers. A warning about the map itself names the map file.
 */
export function rebaseReport(report: CheckReport, placement: MapPlacement): CheckReport {
  const rebase = (path: string) => joinPath(placement.folder, path);
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
  const localTo = violation.to !== null && violation.kind !== "package" ? violation.to : null;
  const from = rebase(violation.from);
  const to = localTo === null ? violation.to : rebase(localTo);
  const named = [
    violation.from,
    ...(localTo === null ? [] : [localTo]),
    ...(violation.cycle ?? []),
    ...(violation.via ?? []),
  ];
  return {
    ...violation,
    id: violationId(violation.kind, from, to),
    from,
    to,
    message: rebaseText(violation.message, named, rebase),
    ...(violation.cycle === undefined ? {} : { cycle: violation.cycle.map(rebase) }),
    ...(violation.via === undefined ? {} : { via: violation.via.map(rebase) }),
  };
}

function rebaseWarning(warning: CheckWarning, placement: MapPlacement, rebase: (path: string) => string): CheckWarning {
  if (warning.file === undefined)
    return { ...warning, file: placement.map, message: `${placement.map}: ${warning.message}` };
  return { ...warning, file: rebase(warning.file), message: rebaseText(warning.message, [warning.file], rebase) };
}

/** A path stands alone in a message: after its start, a space or "(", before its end, a space, `)`, `,`, `;`, `:` or a closing `.`. Quoted text is left alone. */
const BEFORE = String.raw`(?<![^\s(])`;
const AFTER = String.raw`(?=$|[\s),;:]|\.(?:\s|$))`;
/** A path the analysis wrote relative to the map's folder that leads out of it (`import-outside-project`). */
const OUTSIDE = String.raw`(?:\.\./)+[^\s(),;:"]+`;

function rebaseText(text: string, paths: readonly string[], rebase: (path: string) => string): string {
  const known = [...new Set(paths)].sort((a, b) => b.length - a.length).map(escapeLiteral);
  return text.replace(new RegExp(`${BEFORE}(?:${[...known, OUTSIDE].join("|")})${AFTER}`, "g"), rebase);
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
