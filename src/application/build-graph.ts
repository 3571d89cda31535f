import type { ArchitectureGraph, GraphLevel } from "../domain/architecture/architecture-graph.js";
import { buildContextGraph } from "../domain/architecture/build-context-graph.js";
import {
  buildContextMatrix as buildMatrixData,
  type ContextMatrix,
} from "../domain/architecture/build-context-matrix.js";
import type { GraphInput } from "../domain/architecture/graph-input.js";
import { buildLayerGraph } from "../domain/architecture/build-layer-graph.js";
import { buildModuleGraph } from "../domain/architecture/build-module-graph.js";
import { UsageError } from "../domain/errors.js";
import { analyzeProject, type AnalysisPorts, type ProjectAnalysis } from "./analyze-project.js";
import type { LoadedLayerMap } from "./load-layer-map.js";

export interface GraphRequest {
  readonly loaded: LoadedLayerMap;
  readonly level: GraphLevel;
  /** Layer level: also the allowed edges the code never uses. */
  readonly showUnused?: boolean;
  /** Layer level: the packages each layer uses. */
  readonly packages?: boolean;
  /** Module and folder levels: only the modules this glob matches and their neighbourhood. */
  readonly focus?: string;
  readonly depth?: number;
  /** Module and folder levels: fold paths to N segments. */
  readonly collapse?: number;
}

export interface GraphOutcome {
  readonly graph: ArchitectureGraph;
  /** The same analysis drawn with its paths folded to `segments` path segments. */
  readonly refold: (segments: number) => ArchitectureGraph;
  readonly timings: Readonly<Record<string, number>>;
}

/** `layerlint graph`: the architecture as the code has it, at one level. */
export async function buildGraph(ports: AnalysisPorts, request: GraphRequest): Promise<GraphOutcome> {
  assertOptionsFitLevel(request);
  const analysis = await analyzeProject(ports, { loaded: request.loaded });
  const started = performance.now();
  const graph = graphOf(analysis, request);
  return {
    graph,
    refold: (segments) => graphOf(analysis, { ...request, collapse: segments }),
    timings: { ...analysis.timings, graph: Math.round(performance.now() - started) },
  };
}

export function graphOf(analysis: ProjectAnalysis, request: Omit<GraphRequest, "loaded">): ArchitectureGraph {
  const input = graphInputOf(analysis);
  if (request.level === "layer")
    return buildLayerGraph(input, { showUnused: request.showUnused === true, packages: request.packages === true });
  if (request.level === "context") return buildContextGraph(input, analysis.contexts);
  return buildModuleGraph(input, {
    level: request.level,
    ...(request.focus === undefined ? {} : { focus: request.focus }),
    ...(request.depth === undefined ? {} : { depth: request.depth }),
    ...(request.collapse === undefined ? {} : { collapse: request.collapse }),
  });
}

function graphInputOf(analysis: ProjectAnalysis): GraphInput {
  return {
    map: analysis.loaded.map,
    classifier: analysis.classifier,
    meanings: analysis.rules.meanings,
    severities: new Map(analysis.rules.forbidden.map((rule) => [rule.name, rule.severity])),
    modules: analysis.modules,
  };
}

function assertOptionsFitLevel(request: GraphRequest): void {
  const layerOnly = [request.showUnused === true && "--show-unused", request.packages === true && "--packages"].filter(
    (flag) => flag !== false,
  );
  const modulesOnly = [
    request.focus !== undefined && "--focus",
    request.depth !== undefined && "--depth",
    request.collapse !== undefined && "--collapse",
  ].filter((flag) => flag !== false);
  if (request.level !== "layer" && layerOnly.length > 0)
    throw new UsageError(`${describe(layerOnly)} only to --level layer`);
  if ((request.level === "layer" || request.level === "context") && modulesOnly.length > 0)
    throw new UsageError(`${describe(modulesOnly)} only to --level module or folder`);
  if (request.depth !== undefined && request.focus === undefined) throw new UsageError("--depth needs --focus");
  if (request.level === "context" && request.loaded.map.contexts === null)
    throw new UsageError("--level context needs contexts in the map: declare contexts.pattern");
}

function describe(flags: readonly string[]): string {
  return `${flags.join(" and ")} ${flags.length === 1 ? "applies" : "apply"}`;
}

/** `graph --level context --matrix`: contexts × layers from the same analysis. */
export function contextMatrixOf(analysis: ProjectAnalysis): ContextMatrix {
  return buildMatrixData(graphInputOf(analysis), analysis.contexts);
}

/** `graph --level context --matrix`. */
export async function buildContextMatrix(
  ports: AnalysisPorts,
  loaded: LoadedLayerMap,
): Promise<{ readonly matrix: ContextMatrix }> {
  if (loaded.map.contexts === null)
    throw new UsageError("--level context needs contexts in the map: declare contexts.pattern");
  return { matrix: contextMatrixOf(await analyzeProject(ports, { loaded })) };
}
