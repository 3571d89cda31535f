import type { ReportFormat } from "../../reporters/index.js";
import type { CheckGateOptions } from "./check-gate-options.js";
import type { ReportTarget } from "./report-option.js";

/** What `layerlint check` reads from its command line. */
export interface CheckCommandOptions extends CheckGateOptions {
  readonly config?: string;
  readonly format: ReportFormat;
  readonly output?: string;
  readonly report: readonly ReportTarget[];
  readonly quiet: boolean;
  readonly timings: boolean;
  readonly progress?: boolean;
  readonly watch?: boolean;
  /** Check the own map of every workspace package, in one run with one report. */
  readonly workspaces?: boolean;
  /** With --workspaces: how many packages are checked at once; default one per core. */
  readonly concurrency?: number;
  readonly throughBarrels?: boolean;
  /** True from the command line unless --no-cache; a caller that leaves it out runs without the cache. */
  readonly cache?: boolean;
  readonly cacheDir?: string;
}
