import type { CheckReport } from "../domain/report/check-report.js";
import { analyzeProject, type AnalysisPorts, type AnalysisRequest } from "./analyze-project.js";

export type CheckRequest = AnalysisRequest;

export interface CheckOutcome {
  readonly report: CheckReport;
  /** Milliseconds per phase, for stderr only: never part of a report. */
  readonly timings: Readonly<Record<string, number>>;
}

/** `layerlint check`: the report of one run. */
export async function checkProject(ports: AnalysisPorts, request: CheckRequest): Promise<CheckOutcome> {
  const { report, timings } = await analyzeProject(ports, request);
  return { report, timings };
}
