/**
 * Applies an async function to every item, a bounded number at a time, keeping the items' order. When
 * some fail, the error thrown is the first item's in order, not the first to arrive: the same on every run.
 */
export async function mapInBatches<T, R>(
  items: readonly T[],
  batchSize: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += batchSize) {
    for (const outcome of await Promise.allSettled(items.slice(start, start + batchSize).map(work))) {
      if (outcome.status === "rejected") throw outcome.reason;
      results.push(outcome.value);
    }
  }
  return results;
}
