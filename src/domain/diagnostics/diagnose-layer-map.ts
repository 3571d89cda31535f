import type { LayerClassifier } from "../classify/layer-classifier.js";
import type { GraphModule } from "../graph/module-graph.js";
import type { LayerMap } from "../map/layer-map.js";
import type { SourcedLayerMapFile } from "../map/merge-layer-maps.js";
import { allowedCycleFindings } from "./allowed-cycle-findings.js";
import { contextFindings } from "./context-findings.js";
import { coverageFindings } from "./coverage-findings.js";
import { compareDiagnostics, type Diagnostic } from "./diagnostic.js";
import { mapOrigins } from "./map-pointer.js";
import { presetFindings } from "./preset-findings.js";
import { unclaimedFindings } from "./unclaimed-findings.js";
import { unusedAllowanceFindings } from "./unused-allowance-findings.js";

export interface DiagnosticsInput {
  readonly map: LayerMap;
  readonly classifier: LayerClassifier;
  /** The map's files as read: presets first, the user's map last. */
  readonly sources: readonly SourcedLayerMapFile[];
  /** The checked files (include minus exclude). */
  readonly files: readonly string[];
  /** The checked modules with their dependencies. */
  readonly modules: readonly GraphModule[];
  /** Warnings become errors. */
  readonly strict: boolean;
}

/** Every doctor finding about the map, sorted by severity, code and message. */
export function diagnoseLayerMap(input: DiagnosticsInput): Diagnostic[] {
  const origins = mapOrigins(input.sources);
  const findings = [
    ...coverageFindings(input.classifier, input.files, origins),
    ...unclaimedFindings(input.map, input.classifier, input.files, input.modules),
    ...allowedCycleFindings(input.map, origins),
    ...unusedAllowanceFindings(input.map, input.classifier, input.modules, origins),
    ...presetFindings(input.map, input.sources),
    ...contextFindings(input.map, input.files, origins),
  ];
  return findings
    .map((finding) =>
      input.strict && finding.severity === "warning" ? { ...finding, severity: "error" as const } : finding,
    )
    .sort(compareDiagnostics);
}
