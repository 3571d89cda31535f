/**
 * What npm, yarn and pnpm workspaces declare, read from already-parsed manifests: which folders hold
 * workspace packages, and where a package's TypeScript source entry may be.
 */

/** `workspaces` of a root package.json: npm and yarn's list, or yarn's `{ packages: [...] }`; null when none. */
export function npmWorkspacePatterns(packageJson: unknown): string[] | null {
  if (!isRecord(packageJson)) return null;
  const declared = packageJson.workspaces;
  const list = isRecord(declared) ? declared.packages : declared;
  return Array.isArray(list) ? list.filter((entry): entry is string => typeof entry === "string") : null;
}

/** `packages` of a pnpm-workspace.yaml; null when none. */
export function pnpmWorkspacePatterns(workspaceYaml: unknown): string[] | null {
  if (!isRecord(workspaceYaml) || !Array.isArray(workspaceYaml.packages)) return null;
  return workspaceYaml.packages.filter((entry): entry is string => typeof entry === "string");
}

export function packageNameOfManifest(packageJson: unknown): string | null {
  return isRecord(packageJson) && typeof packageJson.name === "string" && packageJson.name !== ""
    ? packageJson.name
    : null;
}

const BUILD_FOLDER = /^(?:\.\/)?(?:dist|lib|build|out)\//;
const COMPILED_SUFFIX = /(?:\.d)?\.(?:[cm]?js|d\.[cm]?ts)$/;

/**
 * Where a workspace package's source entry may be, relative to its folder, most explicit first:
 * `source`, then `exports["."]` and `types`/`typings`/`module`/`main` with a build folder
 * (`dist/`, `lib/`, `build/`, `out/`) read as `src/` and a compiled suffix read as `.ts`/`.tsx`,
 * then `src/index.ts`. The caller takes the first that exists.
 */
export function sourceEntryCandidates(packageJson: unknown): string[] {
  const manifest = isRecord(packageJson) ? packageJson : {};
  const declared = [
    manifest.source,
    rootExport(manifest.exports),
    manifest.types,
    manifest.typings,
    manifest.module,
    manifest.main,
  ].filter((entry): entry is string => typeof entry === "string" && entry !== "");
  const candidates = declared.flatMap((entry) => {
    const path = entry.replace(/^\.\//, "");
    if (/\.[cm]?tsx?$/.test(path) && !/\.d\.[cm]?ts$/.test(path)) return [path];
    const stem = path.replace(BUILD_FOLDER, "src/").replace(COMPILED_SUFFIX, "");
    return [`${stem}.ts`, `${stem}.tsx`];
  });
  return [...new Set([...candidates, "src/index.ts", "src/index.tsx"])];
}

/** The target of `exports["."]` (or of a string `exports`), preferring a `source`, `types` or `import` condition. */
function rootExport(exports: unknown): string | undefined {
  if (typeof exports === "string") return exports;
  if (!isRecord(exports)) return undefined;
  const root = "." in exports ? exports["."] : exports;
  if (typeof root === "string") return root;
  if (!isRecord(root)) return undefined;
  for (const condition of ["source", "development", "types", "import", "default", "require"]) {
    const target = root[condition];
    if (typeof target === "string") return target;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
