import type { CheckReport } from "../domain/report/check-report.js";

export interface ReporterOptions {
  /** ANSI colours; only the CLI decides (a TTY and no NO_COLOR). */
  readonly color: boolean;
  /** Errors only: no warnings, no warn-severity violations. */
  readonly quiet: boolean;
}

/** A reporter is a pure function: the report in, the text to write out. */
export type Reporter = (report: CheckReport, options: ReporterOptions) => string;
