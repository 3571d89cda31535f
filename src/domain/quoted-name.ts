/**
 * A name taken from a file (a layer, a context, a key, a glob) as a message shows it: in double quotes,
 * with quotes, backslashes and control characters escaped as JSON escapes them, so a name holding a
 * newline never splits a one-line message.
 */
export function quoted(name: string): string {
  return JSON.stringify(name);
}

/** In a list or a key path: a plain name (letters, digits and `_ - . / * @ :`) as it is, any other quoted. */
export function listed(name: string): string {
  return /^[\w./*@:-]+$/.test(name) ? name : quoted(name);
}
