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
  type CellImports,
  type ReviewedMatrix,
} from "../domain/architecture/review-report.js";
import { checkFails, warningCount } from "../domain/report/check-report.js";
import { applyWarningLevels, combineWarningLevels } from "../domain/report/warning-levels.js";
import { analyzeProject, type AnalysisPorts, type ProjectAnalysis } from "./analyze-project.js";
import { contextMatrixOf, graphOf } from "./build-graph.js";
import { CONTEXT_BUDGET, foldContextMatrix } from "../domain/architecture/fold-context-matrix.js";
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

  const located = new Map<string, Promise<LocatedImport[]>>();
  const review = (list: readonly ImportSeen[]) => reviewImports(ports, rootDir, sources, located, list);
  const drill = await drillOf(analysis, graph, review);
  const contextMatrix = map.contexts === null ? undefined : await matrixOf(analysis, review);

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
    ...(contextMatrix === undefined ? {} : { contextMatrix }),
  };
}

interface ImportSeen {
  readonly from: string;
  readonly to: string;
  readonly specifier: string;
}

type ReviewImports = (imports: readonly ImportSeen[]) => Promise<{ imports: ReviewedImport[]; more: number }>;

/** The first IMPORTS_LISTED imports with their line and the source around it; how many more. */
async function reviewImports(
  ports: ReviewReportPorts,
  rootDir: string,
  sources: Map<string, Promise<string>>,
  located: Map<string, Promise<LocatedImport[]>>,
  all: readonly ImportSeen[],
): Promise<{ imports: ReviewedImport[]; more: number }> {
  const locate = (file: string) => {
    if (!sources.has(file)) sources.set(file, ports.fileSystem.readText(join(rootDir, file), "source"));
    if (!located.has(file))
      located.set(
        file,
        (sources.get(file) as Promise<string>).then((text) => ports.inspector.locateImports(file, text)),
      );
    return located.get(file) as Promise<LocatedImport[]>;
  };
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
  return { imports, more: all.length - imports.length };
}

/** Contexts × layers, and per cell the imports crossing into or out of it from another context. */
async function matrixOf(analysis: ProjectAnalysis, review: ReviewImports): Promise<ReviewedMatrix> {
  const full = contextMatrixOf(analysis);
  const matrix = foldContextMatrix(full, CONTEXT_BUDGET);
  const cellOf = new Map<string, string>();
  for (const cell of matrix.cells)
    for (const module of cell.modules) cellOf.set(module, `${cell.context}\u0000${cell.layer}`);
  const contextOf = new Map(
    full.cells.flatMap((cell) => cell.modules.map((module) => [module, cell.context] as const)),
  );
  const perCell = new Map<string, ImportSeen[]>();
  for (const module of analysis.modules)
    for (const dependency of module.dependencies) {
      const target = dependency.resolved;
      if (dependency.target !== "local" || !cellOf.has(target)) continue;
      if (contextOf.get(module.source) === contextOf.get(target)) continue;
      const seen = { from: module.source, to: target, specifier: dependency.specifier };
      for (const key of new Set([cellOf.get(module.source), cellOf.get(target)]))
        if (key !== undefined) perCell.set(key, [...(perCell.get(key) ?? []), seen]);
    }
  const cells: CellImports[] = [];
  for (const cell of matrix.cells)
    cells.push({
      context: cell.context,
      layer: cell.layer,
      ...(await review(perCell.get(`${cell.context}\u0000${cell.layer}`) ?? [])),
    });
  return { matrix, cells };
}

/** The folder graph inside each layer, and the imports behind each layer → layer edge with their source lines. */
async function drillOf(
  analysis: ProjectAnalysis,
  graph: ArchitectureGraph,
  review: ReviewImports,
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
  const perEdge = new Map<string, ImportSeen[]>();
  for (const module of analysis.modules)
    for (const dependency of module.dependencies) {
      if (dependency.target !== "local" || !checked.has(dependency.resolved)) continue;
      const key = `${layerOf(module.source)}\u0000${layerOf(dependency.resolved)}`;
      const list = perEdge.get(key) ?? [];
      list.push({ from: module.source, to: dependency.resolved, specifier: dependency.specifier });
      perEdge.set(key, list);
    }

  const edges: EdgeImports[] = [];
  for (const edge of graph.edges) {
    if (edge.unused) continue;
    edges.push({ from: edge.from, to: edge.to, ...(await review(perEdge.get(`${edge.from}\u0000${edge.to}`) ?? [])) });
  }
  return { layers, edges };
}
