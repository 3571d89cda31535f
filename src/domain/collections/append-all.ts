/**
 * Appends every item to `target` in order. `target.push(...items)` passes each item as an argument and
 * overflows the call stack past about 120,000 items; this never does.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
