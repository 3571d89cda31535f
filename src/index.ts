/** layerlint's library entry point: load a layer map, check a project, compile rules, format reports. */
export { checkProject, type CheckOutcome, type CheckRequest } from "./application/check-project.js";
export { compileConfig } from "./application/compile-config.js";
export { findLayerMap } from "./application/find-layer-map.js";
export { loadLayerMap, type LoadedLayerMap } from "./application/load-layer-map.js";
export type * from "./application/ports.js";
export { defaultPorts } from "./cli/default-ports.js";
export { runCli } from "./cli/run-cli.js";
export { EXIT } from "./cli/exit-codes.js";
export { compilePathGlob } from "./domain/glob/compile-glob.js";
export type { Layer, LayerMap, LayerMapOptions } from "./domain/map/layer-map.js";
export { layerMapFileSchema, type LayerMapFile } from "./domain/map/layer-map-schema.js";
export type { CheckReport, CheckSummary, CheckWarning, WarningCode } from "./domain/report/check-report.js";
export type { ImportLocation, Severity, Violation, ViolationKind } from "./domain/violations/violation.js";
export { ConfigurationError, DependencyFailure, LayerlintError, UsageError, type ConfigurationIssue, type ErrorCategory } from "./domain/errors.js";
export { reporters, REPORT_FORMATS, type ReportFormat, type Reporter, type ReporterOptions } from "./reporters/index.js";
