/**
 * layerlint's library entry point: load a layer map, check a project, build the graph, diagnose and explain the map,
 * format reports.
 */
export {
  analyzeProject,
  type AnalysisPorts,
  type AnalysisRequest,
  type ProjectAnalysis,
} from "./application/analyze-project.js";
export { buildGraph, type GraphOutcome, type GraphRequest } from "./application/build-graph.js";
export { checkProject, type CheckOutcome, type CheckRequest } from "./application/check-project.js";
export { compileConfig } from "./application/compile-config.js";
export { diagnoseMap, type DiagnosePorts, type DiagnoseRequest } from "./application/diagnose-map.js";
export { explainFile } from "./application/explain-file.js";
export { explainLayers } from "./application/explain-layers.js";
export type { Explained, ExplainPorts, ExplainRequest } from "./application/explain-setup.js";
export { explainViolation } from "./application/explain-violation.js";
export { findLayerMap } from "./application/find-layer-map.js";
export { initMap, type InitOutcome, type InitRequest } from "./application/init-map.js";
export { loadLayerMap, type LoadedLayerMap } from "./application/load-layer-map.js";
export type * from "./application/ports.js";
export { defaultPorts } from "./cli/default-ports.js";
export { runCli } from "./cli/run-cli.js";
export { EXIT } from "./cli/exit-codes.js";
export type {
  ArchitectureEdge,
  ArchitectureGraph,
  ArchitectureNode,
  GraphLevel,
} from "./domain/architecture/architecture-graph.js";
export type { Diagnostic, DiagnosticCode, DiagnosticSeverity } from "./domain/diagnostics/diagnostic.js";
export { renderDoctorReport } from "./reporters/doctor-reporter.js";
export {
  DOCTOR_FORMATS,
  type DoctorFinding,
  type DoctorFormat,
  type DoctorReport,
  type MapLocation,
} from "./domain/diagnostics/doctor-report.js";
export type { FileExplanation, ImportVerdict } from "./domain/explain/explain-file.js";
export type { LayerPairExplanation } from "./domain/explain/explain-layers.js";
export type { StoryLine, ViolationStory } from "./domain/explain/explain-violation.js";
export type { RenderContext } from "./domain/explain/render-context.js";
export {
  renderFileExplanation,
  renderLayerPairExplanation,
  renderViolationStory,
} from "./reporters/explanation-reporter.js";
export { compilePathGlob } from "./domain/glob/compile-glob.js";
export type { ContextAllowance, ContextMap, Layer, LayerMap, LayerMapOptions } from "./domain/map/layer-map.js";
export { layerMapFileSchema, type LayerMapFile } from "./domain/map/layer-map-schema.js";
export type { CheckReport, CheckSummary, CheckWarning, WarningCode } from "./domain/report/check-report.js";
export type { ImportLocation, Severity, Violation, ViolationKind } from "./domain/violations/violation.js";
export {
  ConfigurationError,
  DependencyFailure,
  LayerlintError,
  UsageError,
  type ConfigurationIssue,
  type ErrorCategory,
} from "./domain/errors.js";
export {
  reporters,
  REPORT_FORMATS,
  type ReportFormat,
  type Reporter,
  type ReporterOptions,
} from "./reporters/index.js";
export { renderers, type GraphRenderer, type RendererName } from "./renderers/index.js";
