/**
 * A value that how it was built guarantees (a layer violation has a target layer, a regex group that always
 * takes part has matched): the value itself, typed as present; a broken guarantee is an error naming it.
 */
export function defined<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`internal error: ${what} is missing`);
  return value;
}
