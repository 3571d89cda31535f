import { createBaseline, serializeBaseline, type Baseline } from "../domain/baseline/baseline.js";
import type { CheckReport } from "../domain/report/check-report.js";
import { analyzeProject, type AnalysisPorts } from "./analyze-project.js";
import type { LoadedLayerMap } from "./load-layer-map.js";

export interface RecordBaselineRequest {
  readonly loaded: LoadedLayerMap;
  /** Absolute path of the baseline file to write. */
  readonly file: string;
}

export interface RecordedBaseline {
  readonly baseline: Baseline;
  readonly report: CheckReport;
}

/** `layerlint baseline`: today's violations, every one an exact entry, written atomically. */
export async function recordBaseline(ports: AnalysisPorts, request: RecordBaselineRequest): Promise<RecordedBaseline> {
  const { report } = await analyzeProject(ports, { loaded: request.loaded });
  const baseline = createBaseline(report.violations);
  await ports.fileSystem.writeTextAtomic(request.file, serializeBaseline(baseline));
  return { baseline, report };
}
