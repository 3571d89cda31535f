/** The most of dependency-cruiser's own error message shown: it can quote a whole rule, megabytes of regex. */
const MAX_FAILURE_MESSAGE = 1000;

/** What dependency-cruiser said, cut to a paragraph; `--debug` shows the whole error with its stack. */
export function dependencyCruiserFailed(message: string): string {
  if (message.length <= MAX_FAILURE_MESSAGE) return `dependency-cruiser failed: ${message}`;
  const more = message.length - MAX_FAILURE_MESSAGE;
  const shown = message.slice(0, MAX_FAILURE_MESSAGE);
  return `dependency-cruiser failed: ${shown}… (${more} characters more: --debug shows them)`;
}
