import { githubReporter } from "./github-reporter.js";
import { jsonReporter } from "./json-reporter.js";
import { junitReporter } from "./junit-reporter.js";
import { markdownReporter } from "./markdown-reporter.js";
import type { Reporter } from "./reporter.js";
import { sarifReporter } from "./sarif-reporter.js";
import { textReporter } from "./text-reporter.js";

/** The one registry of check reporters: adding a format is one entry here and one module. */
export const reporters = {
  text: textReporter,
  json: jsonReporter,
  sarif: sarifReporter,
  junit: junitReporter,
  github: githubReporter,
  markdown: markdownReporter,
} as const satisfies Record<string, Reporter>;

export type ReportFormat = keyof typeof reporters;
export const REPORT_FORMATS = Object.keys(reporters) as ReportFormat[];
export type { Reporter, ReporterOptions } from "./reporter.js";
