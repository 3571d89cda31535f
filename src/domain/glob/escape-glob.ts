/**
 * A file or folder name as a glob that matches it. Globs have no escape character, so each character
 * a glob reads as syntax (`*`, `?`, `{`, `}`, the `<` of a placeholder, a leading `!`) is written `?`,
 * which matches any one character, itself included.
 */
export function escapeGlob(path: string): string {
  return path.replace(/[*?{}<]/g, "?").replace(/^!/, "?");
}
