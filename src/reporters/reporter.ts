import type { CheckReport } from "../domain/report/check-report.js";

export interface ReporterOptions {
  /** ANSI colours; only the CLI decides (a TTY and no NO_COLOR). */
  readonly color: boolean;
  /** Errors only: no warnings, no warn-severity violations. */
  readonly quiet: boolean;
  /**
   * The map's folder relative to the current folder (where CI tools run, the repository root), forward
   * slashes, no trailing slash; "" or absent when it is that folder. Text (for people) and the reports CI tools
   * read (SARIF, JUnit, GitHub, Markdown) put it before every file path; JSON keeps map-relative paths.
   */
  readonly pathPrefix?: string;
  /** A Mermaid diagram of the layers, drawn by the caller; the Markdown report embeds it when given. */
  readonly diagram?: string;
  /** layerlint's version, for the formats that name their tool (SARIF). */
  readonly toolVersion?: string;
}

/** A reporter is a pure function: the report in, the text to write out. */
export type Reporter = (report: CheckReport, options: ReporterOptions) => string;
