import { warningCount, withFailure, type CheckReport } from "./check-report.js";

export interface StrictnessPolicy {
  /** Fail when warnings (warn-severity violations included) exceed this many; null = never. */
  readonly maxWarnings: number | null;
  /** Fail when an import cannot be resolved: a typo'd path must not pass a boundary check unseen. */
  readonly failOnUnresolved: boolean;
}

/** `--fail-on-unresolved` and `--max-warnings`: the warnings stay warnings; the check fails with a reason. */
export function applyStrictness(report: CheckReport, policy: StrictnessPolicy): CheckReport {
  let gated = report;
  const unresolved = report.warnings.filter((warning) => warning.code === "unresolved-import").length;
  if (policy.failOnUnresolved && unresolved > 0) {
    const imports = unresolved === 1 ? "1 unresolved import fails" : `${unresolved} unresolved imports fail`;
    gated = withFailure(gated, { code: "unresolved-imports", message: `${imports} the check (--fail-on-unresolved)` });
  }
  const warnings = warningCount(report);
  if (policy.maxWarnings !== null && warnings > policy.maxWarnings) {
    const exceed = warnings === 1 ? "1 warning exceeds" : `${warnings} warnings exceed`;
    gated = withFailure(gated, { code: "max-warnings", message: `${exceed} --max-warnings ${policy.maxWarnings}` });
  }
  return gated;
}
