import { quoted } from "../domain/quoted-name.js";
import type { CruiseOptions } from "../domain/compile/rule-set.js";
import { join } from "node:path";
import { createContextClassifier, type ContextClassifier } from "../domain/classify/context-classifier.js";
import { createLayerClassifier, type LayerClassifier } from "../domain/classify/layer-classifier.js";
import {
  compileCruiseOptions,
  compileRules,
  withoutCycleRule,
  type CompiledRules,
} from "../domain/compile/compile-rules.js";
import { escapeLiteral } from "../domain/glob/compile-glob.js";
import { pathScope } from "../domain/glob/path-scope.js";
import type { GraphDependency, GraphModule, ModuleGraph } from "../domain/graph/module-graph.js";
import type { LayerMap } from "../domain/map/layer-map.js";
import { layerRulesBroken } from "../domain/barrels/layer-rules-broken.js";
import { applyExceptions } from "../domain/exceptions/apply-exceptions.js";
import { coverageWarnings } from "../domain/map/coverage-warnings.js";
import { memoFor, rememberingLayers, type AnalysisMemo } from "./analysis-memo.js";
import {
  compareWarnings,
  countByKind,
  REPORT_VERSION,
  type CheckReport,
  type CheckSummary,
  type CheckWarning,
} from "../domain/report/check-report.js";
import { findCycleViolations, foundLoops, type CycleSearch } from "../domain/violations/find-cycle-violations.js";
import { countLines, findSizeViolations, lineLimitOf } from "../domain/violations/find-size-violations.js";
import { findViolations, type UnlocatedViolation, type ViolationInput } from "../domain/violations/find-violations.js";
import { compareViolations, type Violation } from "../domain/violations/violation.js";
import { discoverWorkspace, workspaceAliases } from "./find-workspace-packages.js";
import { malformedManifestWarnings } from "./malformed-manifest-warnings.js";
import type { LoadedLayerMap } from "./load-layer-map.js";
import { mapConcurrently } from "./map-concurrently.js";
import { markTypeOnlyUnresolved } from "./mark-type-only-unresolved.js";
import type { CheckPorts, FileSyntaxProblem } from "./ports.js";
import { seeThroughBarrelsOf } from "./see-through-barrels.js";
import { MAX_SOURCE_BYTES, selectFiles, type FileSelection } from "./select-files.js";
import { named, said } from "../domain/message-words.js";

export interface AnalysisRequest {
  readonly loaded: LoadedLayerMap;
  /** Limit the report to these files or folders (relative to the map's folder); the whole tree is still resolved. */
  readonly only?: readonly string[];
  /** The day (YYYY-MM-DD) exceptions' `until` is compared with; default: today, UTC. */
  readonly today?: string;
  /**
   * Told as each phase starts (`list`, `workspaces`, `cruise`, `locate`), with the number of files it works on when
   * known.
   */
  readonly onPhase?: (phase: string, files: number | null) => void;
  /**
   * Attribute imports of barrels to the modules defining the names (`--through-barrels`); default: the map's
   * `options.throughBarrels`.
   */
  readonly throughBarrels?: boolean;
  /** What a long-lived session keeps between analyses (see analysis-memo.ts); the answer is the same without it. */
  readonly memo?: AnalysisMemo;
}

/** Everything one run learnt about a project: the check's report, and what graphs and explanations are drawn from. */
export interface ProjectAnalysis {
  readonly loaded: LoadedLayerMap;
  readonly classifier: LayerClassifier;
  readonly contexts: ContextClassifier;
  readonly rules: CompiledRules;
  readonly selection: FileSelection;
  /** The checked modules (include minus exclude) with their dependencies, seen through barrels when asked. */
  readonly modules: readonly GraphModule[];
  readonly report: CheckReport;
  /** Milliseconds per phase, for stderr only: never part of a report. */
  readonly timings: Readonly<Record<string, number>>;
}

export type AnalysisPorts = Pick<
  CheckPorts,
  "fileSystem" | "extractor" | "inspector" | "syntax" | "yaml" | "barrels" | "loops"
>;

export async function analyzeProject(ports: AnalysisPorts, request: AnalysisRequest): Promise<ProjectAnalysis> {
  const { map, rootDir } = request.loaded;
  const { time, timings } = phaseTimer(request.onPhase);
  ports.extractor.prepare?.();
  const memo = request.memo === undefined ? undefined : memoFor(request.memo, JSON.stringify([rootDir, map]));
  const layers = createLayerClassifier(map.layers);
  const classifier = memo === undefined ? layers : rememberingLayers(layers, memo.layers);
  const contexts = createContextClassifier(map.contexts);
  const selection = await time("list", () => listedFiles(ports, rootDir, map, memo));
  const rules = compileRules(map, classifier);
  const options = compileCruiseOptions(rules, {
    baseDir: rootDir,
    tsconfig: map.tsconfig === null ? null : join(rootDir, map.tsconfig),
  });
  const workspace = await time("workspaces", () => discoverWorkspace(ports, rootDir));
  const aliases = workspaceAliases(workspace.packages, rootDir);
  ports.syntax.prepare?.(rootDir, selection.checked);
  const cruising = time(
    "cruise",
    () =>
      ports.extractor
        .extract(selection.checked, neverFollowingSkipped(withoutCycleRule(options), selection), {
          aliases,
          boundary: request.loaded.boundary,
        })
        .finally(() => ports.extractor.release?.()),
    selection.checked.length,
  );
  // Locating the violations needs the inspector's parser: loaded while the cruise runs, where it can be.
  ports.inspector.prepare?.();
  const graph = await cruising;
  // After the cruise: the syntax check reuses the cruise's parse of each file where the adapters can.
  const syntaxProblems = timedSyntaxCheck(ports, rootDir, selection.checked, timings);

  const checkedSet = new Set(selection.checked);
  const extracted = graph.modules.filter((module) => checkedSet.has(module.source));
  const checkedModules =
    map.options.typeOnlyImports === "allow" ? await markTypeOnlyUnresolved(ports, rootDir, extracted) : extracted;
  const judging: Judging = { map, rootDir, classifier, contexts, rules, graph, checkedModules, selection, memo };
  const ruled =
    (request.throughBarrels ?? map.options.throughBarrels)
      ? await time("barrels", () => seenThroughBarrels(ports, judging))
      : checkedModules;
  const found = await findAllViolations(ports, judging, ruled, time);
  const excepted = applyExceptions(found, map.exceptions, request.today ?? new Date().toISOString().slice(0, 10));
  const inScope = pathScope(request.only);
  const violations = await time("locate", () =>
    locateAll(
      ports,
      rootDir,
      excepted.kept.filter((violation) => inScope(violation.from)),
      contexts,
      memo?.located,
    ),
  );
  const syntax = (await syntaxProblems).map(syntaxWarning);
  const warnings = [
    ...warningsOf(judging),
    ...syntax,
    ...malformedManifestWarnings(workspace.malformed, rootDir),
    ...excepted.warnings,
  ]
    .filter((warning) => warning.file === undefined || inScope(warning.file))
    .sort(compareWarnings);
  const summary: CheckSummary = {
    ...countsOf(selection, checkedModules, syntax.length),
    violations: countByKind(violations),
    ...(map.exceptions.length > 0 ? { exceptions: excepted.uses } : {}),
  };
  return {
    loaded: request.loaded,
    classifier,
    contexts,
    rules,
    selection,
    modules: ruled,
    report: { version: REPORT_VERSION, summary, violations, warnings },
    timings,
  };
}

/** The cycle violations, from the loops the store kept for these very imports when it has them. */
async function findCyclesRecalled(
  ports: AnalysisPorts,
  search: CycleSearch,
  memo: AnalysisMemo | undefined,
): Promise<UnlocatedViolation[]> {
  if (search.severity === "off" || ports.loops === undefined) return findCycleViolations(search, memo?.cycles);
  const recalled = await ports.loops.recall(search);
  const cycles = findCycleViolations(search, memo?.cycles, recalled);
  if (recalled === undefined) ports.loops.remember(search, foundLoops(cycles));
  return cycles;
}

/** What the violations are found from. */
interface Judging {
  readonly map: LayerMap;
  readonly rootDir: string;
  readonly classifier: LayerClassifier;
  readonly contexts: ContextClassifier;
  readonly rules: CompiledRules;
  readonly graph: ModuleGraph;
  /** The checked modules, type-only imports marked when the map allows them. */
  readonly checkedModules: readonly GraphModule[];
  readonly selection: FileSelection;
  readonly memo: AnalysisMemo | undefined;
}

function seenThroughBarrels(ports: AnalysisPorts, judging: Judging): Promise<readonly GraphModule[]> {
  const { map, rootDir, graph, checkedModules, classifier, rules } = judging;
  return seeThroughBarrelsOf(ports, {
    rootDir,
    graph,
    modules: checkedModules,
    rulesBroken: layerRulesBroken({
      classifier,
      meanings: rules.meanings,
      typeOnlyImports: map.options.typeOnlyImports,
    }),
  });
}

/** Broken rules (judged on `ruled`, the modules seen through barrels when asked), cycles and files over their size. */
async function findAllViolations(
  ports: AnalysisPorts,
  judging: Judging,
  ruled: readonly GraphModule[],
  time: Timed,
): Promise<UnlocatedViolation[]> {
  const { map, rootDir, classifier, contexts, rules, graph, checkedModules, selection, memo } = judging;
  const search: CycleSearch = {
    graph: graph.modules,
    checked: checkedModules,
    classifier,
    severity: map.options.cycles,
    typeOnlyImports: map.options.typeOnlyImports,
  };
  const cycles = await time("cycles", () => findCyclesRecalled(ports, search, memo));
  const lineCounts = await countLinesWhereLimited(ports, rootDir, selection.checked, lineLimitOf(map, classifier));
  return [
    ...violationsOf({ map, classifier, contexts, meanings: rules.meanings, modules: ruled }, memo),
    ...cycles,
    ...findSizeViolations(lineCounts, map, classifier),
  ].sort(compareViolations);
}

type Timed = <T>(phase: string, work: () => Promise<T> | T, files?: number | null) => Promise<T>;

/** Times each phase in milliseconds, telling `onPhase` as it starts. */
function phaseTimer(onPhase: AnalysisRequest["onPhase"]): { time: Timed; timings: Record<string, number> } {
  const timings: Record<string, number> = { list: 0, workspaces: 0, cruise: 0, cycles: 0, locate: 0, "parse-check": 0 };
  const time: Timed = async (phase, work, files = null) => {
    onPhase?.(phase, files);
    const started = performance.now();
    const result = await work();
    timings[phase] = Math.round(performance.now() - started);
    return result;
  };
  return { time, timings };
}

/** The syntax check, started now and awaited later: its time goes to `parse-check`. */
function timedSyntaxCheck(
  ports: AnalysisPorts,
  rootDir: string,
  files: readonly string[],
  timings: Record<string, number>,
): Promise<readonly FileSyntaxProblem[]> {
  const started = performance.now();
  const problems = ports.syntax.check(rootDir, files).finally(() => {
    timings["parse-check"] = Math.round(performance.now() - started);
  });
  // Awaited later; this keeps a failure meanwhile from also being an unhandled rejection.
  problems.catch(() => undefined);
  return problems;
}

/** The summary's counts of files and imports, in the report's key order. */
function countsOf(
  selection: FileSelection,
  checkedModules: readonly GraphModule[],
  parseErrors: number,
): Pick<CheckSummary, "modules" | "dependencies" | "unresolved" | "excluded" | "parseErrors" | "skipped"> {
  const dependencies = checkedModules.flatMap((module) => module.dependencies);
  return {
    modules: selection.checked.length,
    dependencies: dependencies.length,
    unresolved: dependencies.filter((dependency) => dependency.target === "unresolved").length,
    excluded: selection.excluded.length,
    parseErrors,
    skipped: selection.oversized.length + selection.special.length,
  };
}

/** The files to check, listed once per session when there is one (it forgets them when files may have come or gone). */
async function listedFiles(
  ports: AnalysisPorts,
  rootDir: string,
  map: LayerMap,
  memo: AnalysisMemo | undefined,
): Promise<FileSelection> {
  if (memo === undefined) return selectFiles(ports.fileSystem, rootDir, map);
  memo.selection ??= await selectFiles(ports.fileSystem, rootDir, map);
  return memo.selection;
}

/** findViolations, each module's remembered while it is the same object (so its imports are the same). */
function violationsOf(input: ViolationInput, memo: AnalysisMemo | undefined): UnlocatedViolation[] {
  if (memo === undefined) return findViolations(input);
  const found: UnlocatedViolation[] = [];
  for (const module of input.modules) {
    let own = memo.violations.get(module);
    if (own === undefined) {
      own = findViolations({ ...input, modules: [module] });
      memo.violations.set(module, own);
    }
    found.push(...own);
  }
  // One violation per (kind, from, to) and all of a module's from that module: sorted, the same list.
  return found.sort(compareViolations);
}

function coverageOf(classifier: LayerClassifier, selection: FileSelection, memo: AnalysisMemo | undefined) {
  if (memo === undefined) return coverageWarnings(classifier, selection.checked);
  if (memo.coverage?.selection !== selection)
    memo.coverage = { selection, warnings: coverageWarnings(classifier, selection.checked) };
  return memo.coverage.warnings;
}

async function locateAll(
  ports: AnalysisPorts,
  rootDir: string,
  unplaced: readonly UnlocatedViolation[],
  contexts: ContextClassifier,
  memo: WeakMap<UnlocatedViolation, Violation> = new WeakMap(),
): Promise<Violation[]> {
  const importsByFile = new Map<string, ReturnType<AnalysisPorts["inspector"]["locateImports"]>>();
  const located: Violation[] = [];
  const place = (unplacedOne: UnlocatedViolation, violation: Violation) => {
    memo.set(unplacedOne, violation);
    located.push(violation);
  };
  for (const unplacedOne of unplaced) {
    const remembered = memo.get(unplacedOne);
    if (remembered !== undefined) {
      located.push(remembered);
      continue;
    }
    const { specifiers, ...unlocated } = unplacedOne;
    const toContext = unlocated.to === null || unlocated.kind === "package" ? null : contexts.contextOf(unlocated.to);
    const violation = { ...unlocated, fromContext: contexts.contextOf(unlocated.from), toContext };
    if (specifiers.length === 0) {
      place(unplacedOne, { ...violation, line: null, column: null, locations: [] });
      continue;
    }
    let imports = importsByFile.get(violation.from);
    if (imports === undefined) {
      imports = ports.inspector.locateImports(
        violation.from,
        await ports.fileSystem.readText(join(rootDir, violation.from), "source"),
      );
      importsByFile.set(violation.from, imports);
    }
    const wanted = new Set(specifiers.map(withoutNodeProtocol));
    const locations = imports
      .filter((found) => wanted.has(withoutNodeProtocol(found.specifier)))
      .map(({ specifier, line, column }) => ({ specifier, line, column }));
    const first = locations[0];
    place(unplacedOne, {
      ...violation,
      specifier: first?.specifier ?? violation.specifier,
      line: first?.line ?? null,
      column: first?.column ?? null,
      locations,
    });
  }
  return located;
}

/** Reads only the files a `maxLines` applies to: nothing at all when no limit is set. */
async function countLinesWhereLimited(
  ports: AnalysisPorts,
  rootDir: string,
  files: readonly string[],
  limitOf: ReturnType<typeof lineLimitOf>,
): Promise<Map<string, number>> {
  const limited = files.filter((file) => limitOf(file) !== null);
  const counted = await mapConcurrently(
    limited,
    64,
    async (file) => [file, countLines(await ports.fileSystem.readText(join(rootDir, file), "source"))] as const,
  );
  return new Map(counted);
}

/** `node:fs` and `fs` name the same built-in, however the extractor spelled it. */
function withoutNodeProtocol(specifier: string): string {
  return specifier.startsWith("node:") ? specifier.slice("node:".length) : specifier;
}

function syntaxWarning(problem: FileSyntaxProblem): CheckWarning {
  const what = problem.message.replace(/\.$/, "");
  return {
    code: "parse-error",
    file: problem.file,
    ...said`${named(problem.file)}:${problem.line}:${problem.column}: ${what}; its imports may be incomplete`,
  };
}

function unresolvedWarnings(modules: readonly GraphModule[]): CheckWarning[] {
  return modules.flatMap((module) =>
    module.dependencies
      .filter((dependency) => dependency.target === "unresolved")
      .map((dependency): CheckWarning => ({
        code: "unresolved-import",
        file: module.source,
        ...said`${named(module.source)} imports ${quoted(dependency.specifier)}, which cannot be resolved`,
      })),
  );
}

/** A tsconfig `paths` alias or a relative import can resolve outside the map's folder: never checked, so said. */
function outsideWarnings(modules: readonly GraphModule[]): CheckWarning[] {
  return modules.flatMap((module) =>
    module.dependencies
      .filter((dependency) => dependency.target === "local" && dependency.resolved.startsWith("../"))
      .map((dependency) => outsideWarning(module.source, dependency)),
  );
}

function outsideWarning(source: string, { specifier, resolved }: GraphDependency): CheckWarning {
  const notChecked = "outside the map's folder: not checked (move the map up to include it)";
  return {
    code: "import-outside-project",
    file: source,
    ...said`${named(source)} imports ${quoted(specifier)}, which resolves to ${named(resolved)}, ${notChecked}`,
  };
}

function oversizedWarnings(selection: FileSelection): CheckWarning[] {
  const limit = `${MAX_SOURCE_BYTES / 1024 / 1024} MiB`;
  const skipped = "skipped, its imports are not checked (generated? add it to exclude)";
  return selection.oversized.map(({ file, bytes }) => {
    const size = `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
    return {
      code: "file-too-large",
      file,
      ...said`${named(file)} is ${size}, over the ${limit} limit for a source file: ${skipped}`,
    };
  });
}

/**
 * Files skipped unread stay unread when a checked file imports them: dependency-cruiser would parse (or block on) them.
 */
function neverFollowingSkipped(options: CruiseOptions, selection: FileSelection): CruiseOptions {
  const skipped = [...selection.special, ...selection.oversized.map(({ file }) => file)];
  if (skipped.length === 0) return options;
  const paths = skipped.map((file) => `^${escapeLiteral(file)}$`);
  return { ...options, doNotFollow: { ...options.doNotFollow, path: [...options.doNotFollow.path, ...paths] } };
}

function specialFileWarnings(selection: FileSelection): CheckWarning[] {
  const skipped = "skipped unread, its imports are not checked";
  return selection.special.map((file) => ({
    code: "not-a-regular-file",
    file,
    ...said`${named(file)} is not a regular file (a named pipe, a socket or a device): ${skipped}`,
  }));
}

/** What the imports, the map's globs and the file selection give warnings about. */
function warningsOf({ checkedModules, classifier, selection, memo }: Judging): CheckWarning[] {
  return [
    ...unresolvedWarnings(checkedModules),
    ...outsideWarnings(checkedModules),
    ...coverageOf(classifier, selection, memo),
    ...oversizedWarnings(selection),
    ...specialFileWarnings(selection),
    ...emptyWarning(selection),
  ];
}

function emptyWarning(selection: FileSelection): CheckWarning[] {
  return selection.checked.length === 0
    ? [{ code: "nothing-checked", ...said`no source files found under include (after exclude): nothing was checked` }]
    : [];
}
