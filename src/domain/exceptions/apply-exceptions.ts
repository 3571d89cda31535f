import { compilePathGlob } from "../glob/compile-glob.js";
import type { LayerMapException } from "../map/layer-map.js";
import type { CheckWarning, ExceptionUse } from "../report/check-report.js";
import { said } from "../message-words.js";
import { defined } from "../collections/defined.js";

interface Exceptable {
  readonly kind: string;
  readonly from: string;
  readonly to: string | null;
}

export interface ExceptionOutcome<V extends Exceptable> {
  readonly kept: V[];
  readonly uses: ExceptionUse[];
  readonly warnings: CheckWarning[];
}

/**
 * Removes the layer, package and context violations an exception covers (the first matching one counts it).
 * `today` is a YYYY-MM-DD day: an exception applies up to and including its `until` day.
 */
export function applyExceptions<V extends Exceptable>(
  violations: readonly V[],
  exceptions: readonly LayerMapException[],
  today: string,
): ExceptionOutcome<V> {
  const matchers = exceptions.map((exception) => ({
    exception,
    from: new RegExp(compilePathGlob(exception.from)),
    to: new RegExp(compilePathGlob(exception.to)),
    expired: exception.until !== null && exception.until < today,
    covered: 0,
  }));
  const kept: V[] = [];
  for (const violation of violations) {
    const exceptable =
      violation.kind === "layer" ||
      violation.kind === "package" ||
      violation.kind === "private" ||
      violation.kind === "context";
    const to = exceptable ? violation.to : null;
    const matcher =
      to === null
        ? undefined
        : matchers.find(
            (candidate) => !candidate.expired && candidate.from.test(violation.from) && candidate.to.test(to),
          );
    if (matcher === undefined) kept.push(violation);
    else matcher.covered += 1;
  }
  const uses = matchers.map(({ exception, expired, covered }): ExceptionUse => ({
    ...exception,
    covered,
    status: expired ? "expired" : covered === 0 ? "stale" : "active",
  }));
  return { kept, uses, warnings: uses.flatMap(exceptionWarning) };
}

function exceptionWarning(use: ExceptionUse): CheckWarning[] {
  const edge = `exception ${use.from} → ${use.to} ("${use.reason}")`;
  if (use.status === "expired") {
    const until = defined(use.until, "the until of an expired exception");
    const again = "the violations it covered count again (fix them, or move until if the map is what is wrong)";
    return [{ code: "expired-exception", ...said`${edge} expired after ${until}: ${again}` }];
  }
  if (use.status === "stale") {
    return [{ code: "stale-exception", ...said`${edge} matches no violation: remove it from exceptions` }];
  }
  return [];
}
