import { join } from "node:path";
import { UNASSIGNED_NODE } from "../domain/architecture/architecture-graph.js";
import type { ArchitectureGraph } from "../domain/architecture/architecture-graph.js";
import {
  excerptOf,
  groupViolations,
  IMPORTS_LISTED,
  type EdgeImports,
  type ReviewDrill,
  type ReviewedImport,
  type LayerRow,
  type ReviewedViolation,
  type ReviewReport,
} from "../domain/architecture/review-report.js";
import { checkFails, warningCount } from "../domain/report/check-report.js";
import { applyWarningLevels, combineWarningLevels } from "../domain/report/warning-levels.js";
import { analyzeProject, type AnalysisPorts, type ProjectAnalysis } from "./analyze-project.js";
import { graphOf } from "./build-graph.js";
import type { LoadedLayerMap } from "./load-layer-map.js";
import type { CheckPorts, LocatedImport } from "./ports.js";

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
    tolerated: layer.warnImports ?? [],
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
      tolerated: [],
      packagesAllowed: null,
      packagesUsed: unassigned.packages ?? [],
    });
  }

  // The verdict `check` gives with no flags: the map's own warning levels applied.
  const report = applyWarningLevels(analysis.report, combineWarningLevels(map.options.warnings, {}));
  const warnViolations = report.violations.filter((violation) => violation.severity === "warn").length;
  const sources = new Map<string, Promise<string>>();
  const reviewed: ReviewedViolation[] = [];
  for (const violation of report.violations) {
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

  const drill = await drillOf(ports, analysis, graph, rootDir, sources);

  return {
    name: map.name,
    commit: await ports.versionControl.currentCommit(rootDir),
    date: request.date.toISOString().replace(/\.\d{3}Z$/, "Z"),
    summary: report.summary,
    verdict: {
      errors: report.violations.length - warnViolations,
      warnings: warningCount(report),
      passes: !checkFails(report),
    },
    graph,
    layers,
    groups: groupViolations(reviewed),
    drill,
  };
}

/** The folder graph inside each layer, and the imports behind each layer → layer edge with their source lines. */
async function drillOf(
  ports: ReviewReportPorts,
  analysis: ProjectAnalysis,
  graph: ArchitectureGraph,
  rootDir: string,
  sources: Map<string, Promise<string>>,
): Promise<ReviewDrill> {
  const layerOf = (path: string) => analysis.classifier.layerOf(path) ?? UNASSIGNED_NODE;
  const layers = graph.nodes.map((node) => ({
    layer: node.id,
    graph: graphOf(
      { ...analysis, modules: analysis.modules.filter((module) => layerOf(module.source) === node.id) },
      { level: "folder" },
    ),
  }));

  const checked = new Set(analysis.modules.map((module) => module.source));
  const perEdge = new Map<string, { from: string; to: string; specifier: string }[]>();
  for (const module of analysis.modules)
    for (const dependency of module.dependencies) {
      if (dependency.target !== "local" || !checked.has(dependency.resolved)) continue;
      const key = `${layerOf(module.source)}\u0000${layerOf(dependency.resolved)}`;
      const list = perEdge.get(key) ?? [];
      list.push({ from: module.source, to: dependency.resolved, specifier: dependency.specifier });
      perEdge.set(key, list);
    }

  const located = new Map<string, Promise<LocatedImport[]>>();
  const locate = (file: string) => {
    if (!sources.has(file)) sources.set(file, ports.fileSystem.readText(join(rootDir, file), "source"));
    if (!located.has(file))
      located.set(
        file,
        (sources.get(file) as Promise<string>).then((text) => ports.inspector.locateImports(file, text)),
      );
    return located.get(file) as Promise<LocatedImport[]>;
  };
  const edges: EdgeImports[] = [];
  for (const edge of graph.edges) {
    if (edge.unused) continue;
    const all = perEdge.get(`${edge.from}\u0000${edge.to}`) ?? [];
    const imports: ReviewedImport[] = [];
    for (const dependency of all.slice(0, IMPORTS_LISTED)) {
      const found = (await locate(dependency.from)).find((candidate) => candidate.specifier === dependency.specifier);
      imports.push({
        ...dependency,
        line: found?.line ?? null,
        column: found?.column ?? null,
        excerpt:
          found === undefined ? null : excerptOf(await (sources.get(dependency.from) as Promise<string>), found.line),
      });
    }
    edges.push({ from: edge.from, to: edge.to, imports, more: all.length - imports.length });
  }
  return { layers, edges };
}
