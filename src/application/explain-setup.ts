import { join, relative, sep } from "node:path";
import { mapOrigins } from "../domain/diagnostics/map-pointer.js";
import { formatMapLocation } from "../domain/diagnostics/doctor-report.js";
import type { ExplainContext } from "../domain/explain/explain-context.js";
import type { RenderContext } from "../domain/explain/render-context.js";
import type { ImportLocation } from "../domain/violations/violation.js";
import { analyzeProject, type AnalysisPorts, type ProjectAnalysis } from "./analyze-project.js";
import type { LoadedLayerMap } from "./load-layer-map.js";
import type { CheckPorts } from "./ports.js";
import { readMapSources, type MapSources } from "./read-map-sources.js";

export type ExplainPorts = AnalysisPorts & Pick<CheckPorts, "yaml" | "presets">;

export interface ExplainRequest {
  readonly loaded: LoadedLayerMap;
  /** Paths in map positions and file paths are shown relative to this folder. */
  readonly cwd: string;
}

/** An explanation and what rendering it needs: positions in the map and in the source files it names. */
export interface Explained<T> {
  readonly explanation: T;
  readonly render: RenderContext;
}

export interface ExplainSetup {
  readonly analysis: ProjectAnalysis;
  readonly context: ExplainContext;
  /** Reads the named files' import statements and returns the context to render with. */
  renderContext(files: readonly string[]): Promise<RenderContext>;
}

/** One analysis of the project (or the one given) and the map's positions: what every explanation starts from. */
export async function setUpExplain(
  ports: ExplainPorts,
  request: ExplainRequest,
  analysed?: ProjectAnalysis,
): Promise<ExplainSetup> {
  const analysis = analysed ?? (await analyzeProject(ports, { loaded: request.loaded }));
  const sources: MapSources = await readMapSources(ports, request.loaded, request.cwd);
  const context: ExplainContext = {
    map: request.loaded.map,
    classifier: analysis.classifier,
    contexts: analysis.contexts,
    meanings: analysis.rules.meanings,
    origins: mapOrigins(sources.sources),
    checked: analysis.selection.checked,
    excluded: analysis.selection.excluded,
    modules: analysis.modules,
  };
  return {
    analysis,
    context,
    async renderContext(files) {
      const imports = new Map<string, readonly ImportLocation[]>();
      for (const file of new Set(files)) {
        imports.set(
          file,
          ports.inspector.locateImports(
            file,
            await ports.fileSystem.readText(join(request.loaded.rootDir, file), "source"),
          ),
        );
      }
      return {
        where: (pointer) => formatMapLocation(sources.locate(pointer)),
        shown: (file) => relative(request.cwd, join(request.loaded.rootDir, file)).split(sep).join("/"),
        position: (file, specifier) =>
          imports.get(file)?.find((found) => sameModule(found.specifier, specifier)) ?? null,
      };
    },
  };
}

/** `node:fs` and `fs` name the same built-in, however the extractor spelled it. */
function sameModule(a: string, b: string): boolean {
  const bare = (specifier: string) => (specifier.startsWith("node:") ? specifier.slice("node:".length) : specifier);
  return bare(a) === bare(b);
}
