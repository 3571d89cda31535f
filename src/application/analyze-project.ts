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
import type { GraphModule } from "../domain/graph/module-graph.js";
import { layerRulesBroken } from "../domain/barrels/layer-rules-broken.js";
import { applyExceptions } from "../domain/exceptions/apply-exceptions.js";
import { coverageWarnings } from "../domain/map/coverage-warnings.js";
import { memoFor, rememberingLayers, type AnalysisMemo } from "./analysis-memo.js";
import {
  compareWarnings,
  countByKind,
  REPORT_VERSION,
  type CheckReport,
  type CheckWarning,
} from "../domain/report/check-report.js";
import { findCycleViolations } from "../domain/violations/find-cycle-violations.js";
import { countLines, findSizeViolations, lineLimitOf } from "../domain/violations/find-size-violations.js";
import { findViolations, type UnlocatedViolation, type ViolationInput } from "../domain/violations/find-violations.js";
import { compareViolations, type Violation } from "../domain/violations/violation.js";
import { discoverWorkspace, workspaceAliases } from "./find-workspace-packages.js";
import { malformedManifestWarnings } from "./malformed-manifest-warnings.js";
import type { LoadedLayerMap } from "./load-layer-map.js";
import { mapInBatches } from "./map-in-batches.js";
import { markTypeOnlyUnresolved } from "./mark-type-only-unresolved.js";
import type { CheckPorts, FileSyntaxProblem } from "./ports.js";
import { seeThroughBarrelsOf } from "./see-through-barrels.js";
import { MAX_SOURCE_BYTES, selectFiles, type FileSelection } from "./select-files.js";

export interface AnalysisRequest {
  readonly loaded: LoadedLayerMap;
  /** Limit the report to these files or folders (relative to the map's folder); the whole tree is still resolved. */
  readonly only?: readonly string[];
  /** The day (YYYY-MM-DD) exceptions' `until` is compared with; default: today, UTC. */
  readonly today?: string;
  /** Told as each phase starts (`list`, `workspaces`, `cruise`, `locate`), with the number of files it works on when known. */
  readonly onPhase?: (phase: string, files: number | null) => void;
  /** Attribute imports of barrels to the modules defining the names (`--through-barrels`); default: the map's `options.throughBarrels`. */
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

export type AnalysisPorts = Pick<CheckPorts, "fileSystem" | "extractor" | "inspector" | "syntax" | "yaml" | "barrels">;

export async function analyzeProject(ports: AnalysisPorts, request: AnalysisRequest): Promise<ProjectAnalysis> {
  const { map, rootDir } = request.loaded;
  const timings: Record<string, number> = { list: 0, workspaces: 0, cruise: 0, cycles: 0, locate: 0, "parse-check": 0 };
  const time = async <T>(phase: string, work: () => Promise<T> | T, files: number | null = null): Promise<T> => {
    request.onPhase?.(phase, files);
    const started = performance.now();
    const result = await work();
    timings[phase] = Math.round(performance.now() - started);
    return result;
  };

  const memo = request.memo === undefined ? undefined : memoFor(request.memo, JSON.stringify([rootDir, map]));
  const classifier =
    memo === undefined
      ? createLayerClassifier(map.layers)
      : rememberingLayers(createLayerClassifier(map.layers), memo.layers);
  const contexts = createContextClassifier(map.contexts);
  const selection = await time("list", async () => {
    if (memo === undefined) return selectFiles(ports.fileSystem, rootDir, map);
    memo.selection ??= await selectFiles(ports.fileSystem, rootDir, map);
    return memo.selection;
  });
  const rules = compileRules(map, classifier);
  const options = compileCruiseOptions(rules, {
    baseDir: rootDir,
    tsconfig: map.tsconfig === null ? null : join(rootDir, map.tsconfig),
  });
  const workspace = await time("workspaces", () => discoverWorkspace(ports, rootDir));
  const aliases = workspaceAliases(workspace.packages, rootDir);
  const graph = await time(
    "cruise",
    () =>
      ports.extractor.extract(selection.checked, neverFollowingSkipped(withoutCycleRule(options), selection), {
        aliases,
        boundary: request.loaded.boundary,
      }),
    selection.checked.length,
  );
  // After the cruise: the syntax check reuses the cruise's parse of each file where the adapters can.
  const syntaxStarted = performance.now();
  const syntaxProblems = ports.syntax.check(rootDir, selection.checked).finally(() => {
    timings["parse-check"] = Math.round(performance.now() - syntaxStarted);
  });
  // Awaited later; this keeps a failure meanwhile from also being an unhandled rejection.
  syntaxProblems.catch(() => undefined);

  const checkedSet = new Set(selection.checked);
  const extracted = graph.modules.filter((module) => checkedSet.has(module.source));
  const checkedModules =
    map.options.typeOnlyImports === "allow" ? await markTypeOnlyUnresolved(ports, rootDir, extracted) : extracted;
  const ruled =
    (request.throughBarrels ?? map.options.throughBarrels)
      ? await time("barrels", () =>
          seeThroughBarrelsOf(ports, {
            rootDir,
            graph,
            modules: checkedModules,
            rulesBroken: layerRulesBroken({
              classifier,
              meanings: rules.meanings,
              typeOnlyImports: map.options.typeOnlyImports,
            }),
          }),
        )
      : checkedModules;
  const cycles = await time("cycles", () =>
    findCycleViolations(
      {
        graph: graph.modules,
        checked: checkedModules,
        classifier,
        severity: map.options.cycles,
        typeOnlyImports: map.options.typeOnlyImports,
      },
      memo?.cycles,
    ),
  );
  const lineCounts = await countLinesWhereLimited(ports, rootDir, selection.checked, lineLimitOf(map, classifier));
  const found = [
    ...violationsOf({ map, classifier, contexts, meanings: rules.meanings, modules: ruled }, memo),
    ...cycles,
    ...findSizeViolations(lineCounts, map, classifier),
  ].sort(compareViolations);
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
    ...unresolvedWarnings(checkedModules),
    ...outsideWarnings(checkedModules),
    ...syntax,
    ...coverageOf(classifier, selection, memo),
    ...oversizedWarnings(selection),
    ...specialFileWarnings(selection),
    ...emptyWarning(selection),
    ...malformedManifestWarnings(workspace.malformed, rootDir),
    ...excepted.warnings,
  ]
    .filter((warning) => warning.file === undefined || inScope(warning.file))
    .sort(compareWarnings);

  return {
    loaded: request.loaded,
    classifier,
    contexts,
    rules,
    selection,
    modules: ruled,
    report: {
      version: REPORT_VERSION,
      summary: {
        modules: selection.checked.length,
        dependencies: checkedModules.reduce((total, module) => total + module.dependencies.length, 0),
        unresolved: checkedModules.reduce(
          (total, module) =>
            total + module.dependencies.filter((dependency) => dependency.target === "unresolved").length,
          0,
        ),
        excluded: selection.excluded.length,
        parseErrors: syntax.length,
        skipped: selection.oversized.length + selection.special.length,
        violations: countByKind(violations),
        ...(map.exceptions.length > 0 ? { exceptions: excepted.uses } : {}),
      },
      violations,
      warnings,
    },
    timings,
  };
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
  const texts = await mapInBatches(limited, 64, (file) => ports.fileSystem.readText(join(rootDir, file), "source"));
  return new Map(limited.map((file, index) => [file, countLines(texts[index] as string)]));
}

/** `node:fs` and `fs` name the same built-in, however the extractor spelled it. */
function withoutNodeProtocol(specifier: string): string {
  return specifier.startsWith("node:") ? specifier.slice("node:".length) : specifier;
}

function syntaxWarning(problem: FileSyntaxProblem): CheckWarning {
  return {
    code: "parse-error",
    file: problem.file,
    message: `${problem.file}:${problem.line}:${problem.column}: ${problem.message.replace(/\.$/, "")}; its imports may be incomplete`,
  };
}

function unresolvedWarnings(modules: readonly GraphModule[]): CheckWarning[] {
  return modules.flatMap((module) =>
    module.dependencies
      .filter((dependency) => dependency.target === "unresolved")
      .map((dependency): CheckWarning => ({
        code: "unresolved-import",
        file: module.source,
        message: `${module.source} imports "${dependency.specifier}", which cannot be resolved`,
      })),
  );
}

/** A tsconfig `paths` alias or a relative import can resolve outside the map's folder: never checked, so said. */
function outsideWarnings(modules: readonly GraphModule[]): CheckWarning[] {
  return modules.flatMap((module) =>
    module.dependencies
      .filter((dependency) => dependency.target === "local" && dependency.resolved.startsWith("../"))
      .map((dependency): CheckWarning => ({
        code: "import-outside-project",
        file: module.source,
        message: `${module.source} imports "${dependency.specifier}", which resolves to ${dependency.resolved}, outside the map's folder: not checked (move the map up to include it)`,
      })),
  );
}

function oversizedWarnings(selection: FileSelection): CheckWarning[] {
  const limit = `${MAX_SOURCE_BYTES / 1024 / 1024} MiB`;
  return selection.oversized.map(({ file, bytes }) => ({
    code: "file-too-large",
    file,
    message: `${file} is ${(bytes / 1024 / 1024).toFixed(1)} MiB, over the ${limit} limit for a source file: skipped, its imports are not checked (generated? add it to exclude)`,
  }));
}

/** Files skipped unread stay unread when a checked file imports them: dependency-cruiser would parse (or block on) them. */
function neverFollowingSkipped(options: CruiseOptions, selection: FileSelection): CruiseOptions {
  const skipped = [...selection.special, ...selection.oversized.map(({ file }) => file)];
  if (skipped.length === 0) return options;
  const paths = skipped.map((file) => `^${escapeLiteral(file)}$`);
  return { ...options, doNotFollow: { ...options.doNotFollow, path: [...options.doNotFollow.path, ...paths] } };
}

function specialFileWarnings(selection: FileSelection): CheckWarning[] {
  return selection.special.map((file) => ({
    code: "not-a-regular-file",
    file,
    message: `${file} is not a regular file (a named pipe, a socket or a device): skipped unread, its imports are not checked`,
  }));
}

function emptyWarning(selection: FileSelection): CheckWarning[] {
  return selection.checked.length === 0
    ? [{ code: "nothing-checked", message: "no source files found under include (after exclude): nothing was checked" }]
    : [];
}
