/**
 * Applies an async function to every item, at most `limit` at a time (the next item starts as soon as one
 * ends), keeping the items' order. After a failure no further item starts; the error thrown is the first
 * failing item's in item order, not the first to arrive: the same on every run.
 */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const outcomes: PromiseSettledResult<R>[] = [];
  let next = 0;
  let failed = false;
  const runner = async () => {
    while (next < items.length && !failed) {
      const index = next++;
      try {
        outcomes[index] = { status: "fulfilled", value: await work(items[index] as T) };
      } catch (reason) {
        outcomes[index] = { status: "rejected", reason };
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, runner));
  const results: R[] = [];
  for (const outcome of outcomes) {
    if (outcome === undefined) continue;
    if (outcome.status === "rejected") throw outcome.reason;
    results.push(outcome.value);
  }
  return results;
}
