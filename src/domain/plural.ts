/** A count and its noun: `1 file`, `2 files` (or `pluralForm` where adding an s is wrong). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
