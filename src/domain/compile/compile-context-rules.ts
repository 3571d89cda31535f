import type { LayerMatcher } from "../classify/layer-classifier.js";
import { compilePathGlob, unionOf } from "../glob/compile-glob.js";
import type { ContextAllowance, ContextMap } from "../map/layer-map.js";
import type { ForbiddenRule, PathRestriction } from "./rule-set.js";

export const CONTEXTS_RULE = "contexts-may-not-import-each-other";
export const SHARED_KERNEL_RULE = "shared-kernel-may-not-import-contexts";

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
 * shared kernel may import no context.
 */
export function compileContextRules(input: ContextRuleInput): ForbiddenRule[] {
  const { contexts } = input;
  const anyContext = compilePathGlob(contexts.pattern);
  const contextNamed = (name: string): string => compilePathGlob(contexts.pattern, { contextAs: { name } });
  const shared = contexts.shared.length === 0 ? [] : [unionOf(contexts.shared.map((glob) => compilePathGlob(glob)))];
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
      from: withPathNot(compilePathGlob(contexts.pattern, { contextAs: "capture" }), [...shared, ...input.excluded, ...allowing.map(contextNamed)]),
      to: to([compilePathGlob(contexts.pattern, { contextAs: "reference" })]),
    },
  ];
  for (const context of allowing) {
    const allowances = contexts.allow.filter((allowance) => allowance.from === context);
    rules.push({
      name: allowedContextsRule(context),
      comment: `context ${context} may import only itself, the shared kernel and ${allowances.map(describeAllowance).join(", ")}`,
      severity: "error",
      from: withPathNot(contextNamed(context), [...shared, ...input.excluded]),
      to: to([contextNamed(context), ...allowances.map((allowance) => allowedTarget(allowance, contextNamed(allowance.to), input.matchers))]),
    });
  }
  if (shared.length > 0) {
    rules.push({
      name: SHARED_KERNEL_RULE,
      comment: "the shared kernel may import no context: every context depends on it",
      severity: "error",
      from: withPathNot(shared[0] as string, input.excluded),
      to: to([]),
    });
  }
  return rules;
}

export function describeAllowance(allowance: ContextAllowance): string {
  return allowance.layers === null ? allowance.to : `${allowance.to} (${allowance.layers.join(", ")})`;
}

/** The files of the allowed context, or only those of its allowed layers (first-match membership, as in layer rules). */
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
