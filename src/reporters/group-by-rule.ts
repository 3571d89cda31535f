import type { Violation } from "../domain/violations/violation.js";

/** Violations by rule name, rules in the order they first appear, violations in report order. */
export function groupByRule(violations: readonly Violation[]): Map<string, Violation[]> {
  const groups = new Map<string, Violation[]>();
  for (const violation of violations) {
    const group = groups.get(violation.rule);
    if (group === undefined) groups.set(violation.rule, [violation]);
    else group.push(violation);
  }
  return groups;
}
