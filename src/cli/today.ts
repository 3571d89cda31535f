import { UsageError } from "../domain/errors.js";

/** Today as YYYY-MM-DD in UTC; SOURCE_DATE_EPOCH (seconds since 1970) fixes it, for reproducible runs and tests. */
export function todayOf(env: Readonly<Record<string, string | undefined>>, now: Date = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return now.toISOString().slice(0, 10);
  if (!/^\d+$/.test(epoch))
    throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not "${epoch}"`);
  return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
}
