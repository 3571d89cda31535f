import type { LayerMatcher } from "../classify/layer-classifier.js";
import { compileGlobList, compilePathGlob, unionOf } from "../glob/compile-glob.js";
import type { ContextAllowance, ContextMap } from "../map/layer-map.js";
import type { ForbiddenRule, PathRestriction, RuleMeaning } from "./rule-set.js";

export const CONTEXTS_RULE = "contexts-may-not-import-each-other";
export const SHARED_KERNEL_RULE = "shared-kernel-may-not-import-contexts";

/** The rule keeping context `from`, which `allow` lets in, to the public files of context `to`. */
export function contextPublicRule(from: string, to: string): string {
  return `context-${from}-may-import-only-public-files-of-${to}`;
}

export function isContextPublicRule(name: string): boolean {
  return /^context-.+-may-import-only-public-files-of-.+$/.test(name);
}

export interface CompiledContextRule {
  readonly rule: ForbiddenRule;
  readonly meaning: RuleMeaning;
}

/** The rule for a context that `allow` lets import some other contexts. */
export function allowedContextsRule(context: string): string {
  return `context-${context}-may-import-only-allowed-contexts`;
}

export interface ContextRuleInput {
  readonly contexts: ContextMap;
  /** Layer membership regexes, in map order (first match wins). */
  readonly matchers: readonly LayerMatcher[];
  /** Regexes of excluded files: left out of every rule's from. */
  readonly excluded: readonly string[];
  /** What never counts as a context file (packages). */
  readonly notLocal: string;
  readonly dependencyTypesNot: readonly string[];
}

/**
 * One rule for every context at once: from captures the context (`$1`), to is any other context.
 * Contexts with `allow` entries get a rule of their own instead, listing what they may reach; and the
 * shared kernel may import no context. With `public`, what `allow` lets in reaches only the public files.
 */
export function compileContextRules(input: ContextRuleInput): CompiledContextRule[] {
  const { contexts } = input;
  const anyContext = compilePathGlob(contexts.pattern);
  const contextNamed = (name: string): string => compilePathGlob(contexts.pattern, { contextAs: { name } });
  const shared =
    contexts.shared.length === 0 ? [] : [unionOf(compileGlobList(contexts.shared).map((compiled) => compiled.regex))];
  const allowing = [...new Set(contexts.allow.map((allowance) => allowance.from))];
  const to = (pathNot: readonly string[]): PathRestriction => ({
    path: anyContext,
    pathNot: [...pathNot, ...shared, input.notLocal],
    couldNotResolve: false,
    dependencyTypesNot: [...input.dependencyTypesNot],
  });

  const rules: ForbiddenRule[] = [
    {
      name: CONTEXTS_RULE,
      comment: "a context may import only itself, the shared kernel and what contexts.allow lists",
      severity: "error",
      from: withPathNot(compilePathGlob(contexts.pattern, { contextAs: "capture" }), [
        ...shared,
        ...input.excluded,
        ...allowing.map(contextNamed),
      ]),
      to: to([compilePathGlob(contexts.pattern, { contextAs: "reference" })]),
    },
  ];
  for (const context of allowing) {
    const allowances = contexts.allow.filter((allowance) => allowance.from === context);
    rules.push({
      name: allowedContextsRule(context),
      comment: `context ${context} may import only itself, the shared kernel and ${describeAllowances(allowances)}`,
      severity: "error",
      from: withPathNot(contextNamed(context), [...shared, ...input.excluded]),
      to: to([
        contextNamed(context),
        ...allowances.map((allowance) => allowedTarget(allowance, contextNamed(allowance.to), input.matchers)),
      ]),
    });
  }
  const publicGlobs = contexts.public;
  const privateRules =
    publicGlobs === null
      ? []
      : contexts.allow.map((allowance) => publicRule(allowance, publicGlobs, { input, shared, contextNamed }));
  const [kernel] = shared;
  if (kernel !== undefined) {
    rules.push({
      name: SHARED_KERNEL_RULE,
      comment: "the shared kernel may import no context: every context depends on it",
      severity: "error",
      from: withPathNot(kernel, input.excluded),
      to: to([]),
    });
  }
  return [...rules.map((rule): CompiledContextRule => ({ rule, meaning: { kind: "context" } })), ...privateRules];
}

interface PublicRuleSetting {
  readonly input: ContextRuleInput;
  readonly shared: readonly string[];
  readonly contextNamed: (name: string) => string;
}

function publicRule(
  allowance: ContextAllowance,
  publicGlobs: readonly string[],
  { input, shared, contextNamed }: PublicRuleSetting,
): CompiledContextRule {
  const surface = publicGlobs.map((glob) => compilePathGlob(glob, { contextAs: { name: allowance.to } }));
  return {
    rule: {
      name: contextPublicRule(allowance.from, allowance.to),
      comment:
        `context ${allowance.from} may import only the public files of context ${allowance.to} ` +
        `(${publicGlobs.join(", ")})`,
      severity: "error",
      from: withPathNot(contextNamed(allowance.from), [...shared, ...input.excluded]),
      to: {
        path: allowedTarget(allowance, contextNamed(allowance.to), input.matchers),
        pathNot: [...surface, ...shared, input.notLocal],
        couldNotResolve: false,
        dependencyTypesNot: [...input.dependencyTypesNot],
      },
    },
    meaning: { kind: "private", toLayer: null, ofContext: allowance.to },
  };
}

function describeAllowances(allowances: readonly ContextAllowance[]): string {
  return allowances.map(describeAllowance).join(", ");
}

export function describeAllowance(allowance: ContextAllowance): string {
  return allowance.layers === null ? allowance.to : `${allowance.to} (${allowance.layers.join(", ")})`;
}

/**
 * The files of the allowed context, or only those of its allowed layers (first-match membership, as in layer rules).
 */
function allowedTarget(allowance: ContextAllowance, context: string, matchers: readonly LayerMatcher[]): string {
  if (allowance.layers === null) return context;
  const layers = allowance.layers.map((layer) => {
    const index = matchers.findIndex((matcher) => matcher.name === layer);
    const earlier = matchers.slice(0, index).map((matcher) => `(?!${matcher.regex})`);
    return `${earlier.join("")}(?:${(matchers[index] as LayerMatcher).regex})`;
  });
  return `(?=${context})(?:${layers.join("|")})`;
}

function withPathNot(path: string, pathNot: readonly string[]): PathRestriction {
  return { path, ...(pathNot.length > 0 ? { pathNot: [...pathNot] } : {}) };
}
