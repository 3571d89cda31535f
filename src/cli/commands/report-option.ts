import { resolve } from "node:path";
import { InvalidArgumentError } from "commander";
import { UsageError } from "../../domain/errors.js";
import { REPORT_FORMATS, type ReportFormat } from "../../reporters/index.js";

/** One extra report of a check run: `--report FORMAT=FILE`. */
export interface ReportTarget {
  readonly format: ReportFormat;
  readonly file: string;
}

export const REPORT_OPTION_FLAGS = "--report <format=file>";
const FORMATS = REPORT_FORMATS.join(", ");
export const REPORT_OPTION_HELP = `also write the report in FORMAT to FILE (repeatable; formats: ${FORMATS})`;

/** Commander's parser for the repeatable option: each value is checked as it is read. */
export function collectReportTarget(value: string, previous: readonly ReportTarget[] = []): ReportTarget[] {
  const equals = value.indexOf("=");
  const format = equals < 0 ? "" : value.slice(0, equals);
  const file = equals < 0 ? "" : value.slice(equals + 1);
  if (!(REPORT_FORMATS as readonly string[]).includes(format) || file === "") {
    throw new InvalidArgumentError(
      `expected FORMAT=FILE with FORMAT one of ${REPORT_FORMATS.join(", ")}, for example sarif=layerlint.sarif.`,
    );
  }
  return [...previous, { format: format as ReportFormat, file }];
}

/** Two reports written to one file would silently keep only the last: a usage error before the run. */
export function assertDistinctReportFiles(
  cwd: string,
  output: string | undefined,
  targets: readonly ReportTarget[],
): void {
  const seen = new Set<string>();
  for (const file of [...(output === undefined ? [] : [output]), ...targets.map((target) => target.file)]) {
    const absolute = resolve(cwd, file);
    if (seen.has(absolute)) throw new UsageError(`${file} is named by more than one of --output and --report`);
    seen.add(absolute);
  }
}
