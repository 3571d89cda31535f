import { basename, join } from "node:path";
import { UsageError } from "../domain/errors.js";
import { compilePathGlob } from "../domain/glob/compile-glob.js";
import { isSourceFile } from "../domain/graph/source-files.js";
import { NESTJS_LAYOUT, type LayoutCandidate } from "../domain/init/layout-candidate.js";
import { planLayerMap, type InitPlan } from "../domain/init/plan-layer-map.js";
import { renderLayerMapYaml, renderVocabularyMapYaml } from "../domain/init/render-layer-map-yaml.js";
import { didYouMean } from "../domain/map/closest-name.js";
import { mergeLayerMaps } from "../domain/map/merge-layer-maps.js";
import { parseLayerMapFile } from "../domain/map/parse-layer-map-file.js";
import { validateLayerMap } from "../domain/map/validate-layer-map.js";
import type { CheckReport } from "../domain/report/check-report.js";
import { checkProject } from "./check-project.js";
import { MAP_FILE_NAMES } from "./find-layer-map.js";
import { loadLayerMap } from "./load-layer-map.js";
import type { CheckPorts } from "./ports.js";
import { findInitSources, type InitSources } from "./find-init-sources.js";
import { detectContexts } from "../domain/init/detect-contexts.js";
import { planByVocabulary, type VocabularyPlan } from "../domain/init/plan-by-vocabulary.js";
import { quoted } from "../domain/quoted-name.js";

export interface InitRequest {
  /** The project's folder: the map is written here. */
  readonly rootDir: string;
  /** A built-in preset's name or `nestjs`; null picks the closest. */
  readonly preset: string | null;
  readonly force: boolean;
}

export type InitOutcome =
  | {
      readonly kind: "preset";
      readonly mapFile: string;
      readonly plan: InitPlan;
      /** The check run once with the written map. */
      readonly report: CheckReport;
    }
  | {
      readonly kind: "vocabulary";
      readonly mapFile: string;
      readonly plan: VocabularyPlan;
      readonly sources: InitSources;
      readonly report: CheckReport;
    };

/**
 * `layerlint init`: places the source files by the vocabulary of folder and file names (or, with
 * `--preset`, fits the closest preset), checks the project with the map still in memory, and only
 * then writes `layers.yaml`: when anything fails, nothing is written.
 */
export async function initMap(ports: CheckPorts, request: InitRequest): Promise<InitOutcome> {
  const mapFile = join(request.rootDir, MAP_FILE_NAMES[0]);
  for (const name of MAP_FILE_NAMES) {
    if (!request.force && (await ports.fileSystem.exists(join(request.rootDir, name)))) {
      throw new UsageError(
        `${name} already exists here: pass --force to overwrite it, or edit it (layerlint doctor reviews it)`,
      );
    }
  }
  if (request.preset === null) {
    const sources = await findInitSources(ports.fileSystem, request.rootDir);
    const contexts = detectContexts(sources.files, sources.roots);
    const plan = planByVocabulary(sources.files, sources.roots, contexts);
    const text = renderVocabularyMapYaml({
      plan,
      name: await projectName(ports, request.rootDir),
      include: sources.include,
      exclude: sources.exclude,
    });
    const report = await checkBeforeWriting(ports, mapFile, text, request.rootDir);
    await ports.fileSystem.writeTextAtomic(mapFile, text);
    return { kind: "vocabulary", mapFile, plan, sources, report };
  }
  // init fits NestJS apps with its own suffix layout, tuned for writing a map, rather than the nestjs preset.
  const builtIns = (await builtInCandidates(ports, request.rootDir)).filter(
    (candidate) => candidate.name !== NESTJS_LAYOUT.name,
  );
  const candidates = [...builtIns, NESTJS_LAYOUT];
  if (request.preset !== null && !candidates.some((candidate) => candidate.name === request.preset)) {
    const names = candidates.map((candidate) => candidate.name);
    const suggestion = didYouMean(request.preset, names);
    throw new UsageError(`unknown preset ${quoted(request.preset)}${suggestion} (init knows ${names.join(", ")})`);
  }

  const include = (await ports.fileSystem.isDirectory(join(request.rootDir, "src"))) ? ["src"] : ["."];
  const listed = (await ports.fileSystem.listFiles(request.rootDir, include)).filter(isSourceFile);
  const exclude = new Map(
    candidates.map((candidate) => [candidate.name, candidate.exclude.map((glob) => new RegExp(compilePathGlob(glob)))]),
  );
  // Every candidate ships the same test exclusions; the files considered are those none of them excludes.
  const files = listed.filter(
    (file) => ![...exclude.values()].some((patterns) => patterns.some((pattern) => pattern.test(file))),
  );
  const plan = planLayerMap(files, candidates, request.preset);

  const text = renderLayerMapYaml({ plan, name: await projectName(ports, request.rootDir), include });
  const report = await checkBeforeWriting(ports, mapFile, text, request.rootDir);
  await ports.fileSystem.writeTextAtomic(mapFile, text);
  return { kind: "preset", mapFile, plan, report };
}

/** The first check, run with the map read from memory, so a failure (a broken tsconfig) leaves no file behind. */
async function checkBeforeWriting(
  ports: CheckPorts,
  mapFile: string,
  text: string,
  rootDir: string,
): Promise<CheckReport> {
  const fileSystem = ports.fileSystem;
  const withMap: CheckPorts = {
    ...ports,
    fileSystem: {
      ...fileSystem,
      readText: (path, kind) => (path === mapFile ? Promise.resolve(text) : fileSystem.readText(path, kind)),
      exists: (path) => (path === mapFile ? Promise.resolve(true) : fileSystem.exists(path)),
      fileSize: (path) => (path === mapFile ? Promise.resolve(Buffer.byteLength(text)) : fileSystem.fileSize(path)),
    },
  };
  const loaded = await loadLayerMap(withMap, mapFile, rootDir);
  const { report } = await checkProject(withMap, { loaded });
  return report;
}

async function builtInCandidates(ports: CheckPorts, rootDir: string): Promise<LayoutCandidate[]> {
  const candidates: LayoutCandidate[] = [];
  const anchor = join(rootDir, MAP_FILE_NAMES[0]);
  for (const name of await ports.presets.builtInNames()) {
    const file = await ports.presets.locate(name, anchor);
    const parsed =
      file === null
        ? null
        : parseLayerMapFile(file, ports.yaml.parse(await ports.fileSystem.readText(file, "map")).value);
    const validation =
      file !== null && parsed?.ok
        ? validateLayerMap(mergeLayerMaps([{ file, content: parsed.content }]), {
            mapFile: file,
            defaultInclude: ["src"],
            defaultTsconfig: null,
            presets: [],
          })
        : null;
    if (validation?.ok !== true) throw new Error(`the built-in preset "${name}" cannot be read`);
    candidates.push({
      name,
      origin: `the "${name}" preset`,
      layers: validation.map.layers,
      exclude: validation.map.exclude,
    });
  }
  return candidates;
}

async function projectName(ports: CheckPorts, rootDir: string): Promise<string> {
  const manifest = join(rootDir, "package.json");
  if (await ports.fileSystem.exists(manifest)) {
    try {
      const name = (JSON.parse(await ports.fileSystem.readText(manifest, "manifest")) as { name?: unknown }).name;
      if (typeof name === "string" && name !== "") return name;
    } catch {
      // A package.json that is not JSON names nothing; the folder's name does.
    }
  }
  return basename(rootDir);
}
