import { join } from "node:path";
import { UNASSIGNED_NODE } from "../domain/architecture/architecture-graph.js";
import {
  excerptOf,
  groupViolations,
  type LayerRow,
  type ReviewedViolation,
  type ReviewReport,
} from "../domain/architecture/review-report.js";
import { analyzeProject, type AnalysisPorts } from "./analyze-project.js";
import { graphOf } from "./build-graph.js";
import type { LoadedLayerMap } from "./load-layer-map.js";
import type { CheckPorts } from "./ports.js";

export interface ReviewReportRequest {
  readonly loaded: LoadedLayerMap;
  /** When the report is made; the CLI takes it from SOURCE_DATE_EPOCH when set. */
  readonly date: Date;
}

export type ReviewReportPorts = AnalysisPorts & Pick<CheckPorts, "versionControl">;

/** `layerlint report`: the check, the layer diagram's data and the source around every violation. */
export async function buildReviewReport(ports: ReviewReportPorts, request: ReviewReportRequest): Promise<ReviewReport> {
  const { map, rootDir } = request.loaded;
  const analysis = await analyzeProject(ports, { loaded: request.loaded });
  const graph = graphOf(analysis, { level: "layer", showUnused: true, packages: true });
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));

  const layers: LayerRow[] = map.layers.map((layer) => ({
    name: layer.name,
    description: layer.description,
    paths: layer.paths,
    modules: nodes.get(layer.name)?.modules ?? 0,
    mayImport: layer.mayImport,
    packagesAllowed: layer.packages,
    packagesUsed: nodes.get(layer.name)?.packages ?? [],
  }));
  const unassigned = nodes.get(UNASSIGNED_NODE);
  if (unassigned !== undefined) {
    layers.push({
      name: UNASSIGNED_NODE,
      description: "files no layer claims",
      paths: [],
      modules: unassigned.modules,
      mayImport: [],
      packagesAllowed: null,
      packagesUsed: unassigned.packages ?? [],
    });
  }

  const sources = new Map<string, Promise<string>>();
  const reviewed: ReviewedViolation[] = [];
  for (const violation of analysis.report.violations) {
    if (violation.line === null) {
      reviewed.push({ violation, excerpt: null });
      continue;
    }
    if (!sources.has(violation.from))
      sources.set(violation.from, ports.fileSystem.readText(join(rootDir, violation.from), "source"));
    reviewed.push({
      violation,
      excerpt: excerptOf(await (sources.get(violation.from) as Promise<string>), violation.line),
    });
  }

  return {
    name: map.name,
    commit: await ports.versionControl.currentCommit(rootDir),
    date: request.date.toISOString().replace(/\.\d{3}Z$/, "Z"),
    summary: analysis.report.summary,
    graph,
    layers,
    groups: groupViolations(reviewed),
  };
}
