import { describeAllowance } from "../compile/compile-context-rules.js";
import { describeAllowedPackages, reportedRule } from "../compile/compile-rules.js";
import type { MapPointer } from "../diagnostics/diagnostic.js";
import { groupUnclaimed } from "../diagnostics/unclaimed-findings.js";
import { patternMatches, suggestLayer, type LayerSuggestion } from "../diagnostics/suggest-layer.js";
import { packageUsedBy } from "../packages/package-name.js";
import { compileGlobList } from "../glob/compile-glob.js";
import type { GraphDependency } from "../graph/module-graph.js";
import { isSourceFile } from "../graph/source-files.js";
import type { Layer } from "../map/layer-map.js";
import { compareText } from "../violations/violation.js";
import type { ExplainContext } from "./explain-context.js";
import { listed, quoted } from "../quoted-name.js";
import { shownContext } from "./shown-context.js";

export type ImportVerdictKind = "allowed" | "violation" | "not-checked";

export interface ImportVerdict {
  readonly specifier: string;
  /** A path for local files, the package name for packages, the specifier when unresolved. */
  readonly target: string;
  /** The target is a file of the project (its path), not a package or an unresolved specifier. */
  readonly local: boolean;
  readonly targetLayer: string | null;
  readonly verdict: ImportVerdictKind;
  /** The rule broken (for a violation), or why the import is allowed or not checked. */
  readonly rule: string;
  readonly at: MapPointer | null;
}

export interface FileExplanation {
  readonly file: string;
  readonly status: "checked" | "excluded" | "not-included" | "not-source";
  readonly layer: string | null;
  /** The file's context and what it may import across contexts, in words; null when the map declares no contexts. */
  readonly context: string | null;
  /** The glob that put the file in its layer, and where the map says it. */
  readonly glob: string | null;
  readonly at: MapPointer | null;
  /** Later layers whose globs match it too. */
  readonly alsoClaimedBy: readonly string[];
  /** Why no layer claims it (null when one does). */
  readonly unclaimedReason: string | null;
  readonly suggestion: LayerSuggestion | null;
  readonly mayImport: readonly string[];
  /** The packages its layer may use, in words; null without a layer. */
  readonly mayUse: string | null;
  readonly imports: readonly ImportVerdict[];
}

/** `layerlint explain FILE`: its layer and why, what it may import, and a verdict on each import. */
export function explainFile(context: ExplainContext, file: string): FileExplanation {
  const { map, classifier, origins } = context;
  const status = context.checked.includes(file)
    ? "checked"
    : context.excluded.includes(file)
      ? "excluded"
      : isSourceFile(file)
        ? "not-included"
        : "not-source";
  const claiming = classifier.layersClaiming(file);
  const layerName = claiming[0] ?? null;
  const layer = map.layers.find((candidate) => candidate.name === layerName) ?? null;
  const glob = layer === null ? null : (classifier.globOf(layer.name, file)?.glob ?? null);
  const module = context.modules.find((candidate) => candidate.source === file);
  const imports = (module?.dependencies ?? [])
    .map((dependency) => verdictOf(context, file, layer, dependency))
    .sort((a, b) => compareText(a.specifier, b.specifier));
  const group = groupUnclaimed(classifier, context.checked).find((candidate) => candidate.files.includes(file));

  return {
    file,
    status,
    layer: layerName,
    context: describeContext(context, file),
    glob,
    at: layer === null || glob === null ? null : origins.layerKey(layer.name, "paths", glob),
    alsoClaimedBy: claiming.slice(1),
    unclaimedReason: layer === null ? unclaimedReason(context, file, status) : null,
    suggestion:
      layer === null && group !== undefined ? suggestLayer(group.files, map, classifier, context.modules) : null,
    mayImport: layer?.mayImport ?? [],
    mayUse: layer === null ? null : describeAllowedPackages(layer),
    imports: status === "checked" ? imports : [],
  };
}

function describeContext({ contexts }: ExplainContext, file: string): string | null {
  if (contexts.contexts === null) return null;
  if (contexts.isShared(file))
    return "none: in the shared kernel, which every context may import and which may import no context";
  const name = contexts.contextOf(file);
  if (name === null) return "none: outside every context, so no context rule limits its imports";
  const allowed = contexts.contexts.allow
    .filter((allowance) => allowance.from === name)
    .map((allowance) => describeAllowance({ ...allowance, to: listed(allowance.to) }));
  const shown = listed(name);
  const others = allowed.length > 0 ? `, ${allowed.join(", ")}` : "";
  return `${shown}: may import ${shown} itself, the shared kernel${others}`;
}

function unclaimedReason(context: ExplainContext, file: string, status: FileExplanation["status"]): string {
  if (status === "excluded") {
    const glob = compileGlobList(context.map.exclude).find((candidate) => new RegExp(candidate.regex).test(file))?.glob;
    return `it is excluded by ${glob === undefined ? "?" : quoted(glob)}, and no layer's paths match it`;
  }
  if (status === "not-source") return "it is not a source file, and no layer's paths match it";
  if (status === "not-included")
    return `it is not under include (${context.map.include.map(listed).join(", ")}), and no layer's paths match it`;
  return `no glob of any layer matches it (layers: ${context.map.layers.map((layer) => layer.name).join(", ")})`;
}

/** Why a context rule forbids the import from → to, in the map's words. */
export function contextBreach({ contexts, classifier }: ExplainContext, from: string, to: string): string {
  const targetName = contexts.contextOf(to);
  const target = shownContext(targetName);
  if (contexts.isShared(from)) return `the shared kernel may import no context; ${to} is in context ${target}`;
  const sourceName = contexts.contextOf(from);
  const source = shownContext(sourceName);
  const allowance = contexts.contexts?.allow.find(
    (candidate) => candidate.from === sourceName && candidate.to === targetName,
  );
  if (allowance?.layers) {
    const layers = `${allowance.layers.join(", ")} layer${allowance.layers.length === 1 ? "" : "s"}`;
    const toLayer = classifier.layerOf(to) ?? "no layer";
    return `contexts.allow lets ${source} import only the ${layers} of ${target}; ${to} is in ${toLayer}`;
  }
  const allowed = "itself, the shared kernel and what contexts.allow lists";
  return `context ${source} may import only ${allowed}; ${target} is none of them`;
}

/** What an import is, before the verdict: the fields every verdict on it shares. */
type ImportFacts = Omit<ImportVerdict, "verdict" | "rule" | "at">;

function verdictOf(
  context: ExplainContext,
  file: string,
  layer: Layer | null,
  dependency: GraphDependency,
): ImportVerdict {
  const { classifier, meanings } = context;
  const packageName = packageUsedBy(dependency);
  const target = packageName ?? dependency.resolved;
  const targetLayer = dependency.target === "local" ? classifier.layerOf(dependency.resolved) : null;
  const local = packageName === null && dependency.target === "local";
  const facts: ImportFacts = { specifier: dependency.specifier, target, local, targetLayer };
  const contextRule = dependency.brokenRules.find((rule) => meanings.get(rule)?.kind === "context");
  const broken = dependency.brokenRules.find((rule) => meanings.has(rule) && rule !== contextRule);
  const contextWhy =
    contextRule === undefined ? null : `${contextRule}: ${contextBreach(context, file, dependency.resolved)}`;
  if (broken !== undefined && layer !== null) return brokenRuleVerdict(context, layer, broken, contextWhy, facts);
  if (contextWhy !== null) return { ...facts, verdict: "violation", rule: contextWhy, at: null };
  if (layer === null)
    return {
      ...facts,
      verdict: "not-checked",
      rule: "the file is in no layer, so its imports are not checked (the file itself is reported)",
      at: null,
    };
  return passingVerdict(context, layer, dependency, packageName, facts);
}

/** An import breaking a layer, package or private rule (and maybe a context rule too): the rule, and why. */
function brokenRuleVerdict(
  { meanings, origins }: ExplainContext,
  layer: Layer,
  broken: string,
  contextWhy: string | null,
  facts: ImportFacts,
): ImportVerdict {
  const { target, targetLayer } = facts;
  const meaning = meanings.get(broken);
  const shown =
    meaning === undefined ? broken : reportedRule(broken, meaning, { fromLayer: layer.name, toLayer: targetLayer });
  const withContext = (why: string): string =>
    [`${shown}: ${why}`, ...(contextWhy === null ? [] : [contextWhy])].join("; ");
  if (meaning?.kind === "private" && meaning.toLayer === null) {
    return {
      ...facts,
      verdict: "violation",
      rule: withContext(
        `${target} is an internal file of context ${listed(meaning.ofContext)}, not on contexts.public`,
      ),
      at: null,
    };
  }
  if (meaning?.kind === "private") {
    const owner = meaning.toLayer;
    return {
      ...facts,
      verdict: "violation",
      rule: withContext(`${target} is an internal file of ${owner}, not on layers.${owner}.public`),
      at: origins.layerKey(owner, "public"),
    };
  }
  const toleratedLayer = layer.warnImports?.find((allowance) => allowance.layer === targetLayer)?.layer;
  const tolerated = toleratedLayer !== undefined ? " (tolerated at severity warn)" : "";
  const at =
    meaning?.kind === "package"
      ? origins.layerKey(layer.name, "packages")
      : origins.layerKey(layer.name, "mayImport", toleratedLayer);
  const why =
    meaning?.kind === "package"
      ? `${target} is not on layers.${layer.name}.packages`
      : `${targetLayer} is not on layers.${layer.name}.mayImport${tolerated}`;
  return { ...facts, verdict: "violation", rule: withContext(why), at };
}

/** An import of a file in a layer that breaks no rule: allowed, and by which line of the map (or not checked). */
function passingVerdict(
  { map, origins }: ExplainContext,
  layer: Layer,
  dependency: GraphDependency,
  packageName: string | null,
  facts: ImportFacts,
): ImportVerdict {
  const { targetLayer } = facts;
  if (dependency.typeOnly && map.options.typeOnlyImports === "allow")
    return { ...facts, verdict: "allowed", rule: "type-only, and options.typeOnlyImports is allow", at: null };
  if (dependency.target === "unresolved" && packageName === null)
    return { ...facts, verdict: "not-checked", rule: "it cannot be resolved (an unresolved-import warning)", at: null };
  if (packageName !== null) {
    if (layer.packages === null)
      return {
        ...facts,
        verdict: "allowed",
        rule: `${layer.name} has no packages list: any package`,
        at: origins.layer(layer.name),
      };
    const pattern = layer.packages.find((candidate) => patternMatches(candidate, packageName)) ?? "?";
    return {
      ...facts,
      verdict: "allowed",
      rule: `${quoted(pattern)} is on layers.${layer.name}.packages`,
      at: origins.layerKey(layer.name, "packages", pattern),
    };
  }
  if (targetLayer === null)
    return {
      ...facts,
      verdict: "allowed",
      rule: "the target is in no layer: it is reported as unassigned itself, not here",
      at: null,
    };
  if (targetLayer === layer.name)
    return { ...facts, verdict: "allowed", rule: "same layer: a layer may always import itself", at: null };
  return {
    ...facts,
    verdict: "allowed",
    rule: `${targetLayer} is on layers.${layer.name}.mayImport`,
    at: origins.layerKey(layer.name, "mayImport", targetLayer),
  };
}
