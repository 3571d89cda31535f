import { diagnoseLayerMap } from "../domain/diagnostics/diagnose-layer-map.js";
import type { DiagnosticSeverity } from "../domain/diagnostics/diagnostic.js";
import { DOCTOR_REPORT_VERSION, type DoctorFinding, type DoctorReport } from "../domain/diagnostics/doctor-report.js";
import { analyzeProject, type AnalysisPorts } from "./analyze-project.js";
import type { LoadedLayerMap } from "./load-layer-map.js";
import type { CheckPorts } from "./ports.js";
import { readMapSources } from "./read-map-sources.js";

export interface DiagnoseRequest {
  readonly loaded: LoadedLayerMap;
  /** Paths in locations are shown relative to this folder. */
  readonly cwd: string;
  /** Warnings become errors. */
  readonly strict: boolean;
}

export type DiagnosePorts = AnalysisPorts & Pick<CheckPorts, "yaml" | "presets">;

/** `layerlint doctor`: the map measured against the project it describes. */
export async function diagnoseMap(ports: DiagnosePorts, request: DiagnoseRequest): Promise<DoctorReport> {
  const analysis = await analyzeProject(ports, { loaded: request.loaded });
  const { sources, locate } = await readMapSources(ports, request.loaded, request.cwd);
  const diagnostics = diagnoseLayerMap({
    map: request.loaded.map,
    classifier: analysis.classifier,
    sources,
    files: analysis.selection.checked,
    modules: analysis.modules,
    strict: request.strict,
  });
  const findings = diagnostics.map(({ at, ...finding }): DoctorFinding => ({
    ...finding,
    location: at === null ? null : locate(at),
  }));
  const count = (severity: DiagnosticSeverity) => findings.filter((finding) => finding.severity === severity).length;
  return {
    version: DOCTOR_REPORT_VERSION,
    summary: {
      error: count("error"),
      warning: count("warning"),
      info: count("info"),
      files: analysis.selection.checked.length,
      layers: request.loaded.map.layers.length,
    },
    findings,
  };
}
