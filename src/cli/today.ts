import { UsageError } from "../domain/errors.js";

/** The latest time a JavaScript Date holds (8.64e15 ms after 1970, in the year 275760), in seconds. */
const LATEST_EPOCH_SECONDS = 8_640_000_000_000;

/** Today as YYYY-MM-DD in UTC; SOURCE_DATE_EPOCH (seconds since 1970) fixes it, for reproducible runs and tests. */
export function todayOf(env: Readonly<Record<string, string | undefined>>, now: Date = new Date()): string {
  return sourceDateOf(env, now).toISOString().slice(0, 10);
}

/** The moment SOURCE_DATE_EPOCH names when set (UTC), else now; a value no Date can hold is a UsageError. */
export function sourceDateOf(env: Readonly<Record<string, string | undefined>>, now: Date = new Date()): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return now;
  const shown = JSON.stringify(epoch.length > 40 ? `${epoch.slice(0, 40)}…` : epoch);
  if (!/^\d+$/.test(epoch))
    throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not ${shown}`);
  if (Number(epoch) > LATEST_EPOCH_SECONDS) {
    const latest = `${LATEST_EPOCH_SECONDS} (the year 275760)`;
    throw new UsageError(
      `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 up to ${latest}, not ${shown}`,
    );
  }
  return new Date(Number(epoch) * 1000);
}
