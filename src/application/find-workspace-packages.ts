import { dirname, join, relative, sep } from "node:path";
import { findJsonSyntaxError } from "../domain/baseline/json-syntax-error.js";
import { compilePathGlob } from "../domain/glob/compile-glob.js";
import {
  npmWorkspacePatterns,
  packageNameOfManifest,
  pnpmWorkspacePatterns,
  sourceEntryCandidates,
} from "../domain/workspaces/workspace-manifest.js";
import type { FileSystem, YamlReader } from "./ports.js";

export interface WorkspacePackage {
  readonly name: string;
  /** Absolute path of the package's folder. */
  readonly folder: string;
  /** Absolute path of its TypeScript source entry; null when none of the usual places holds one. */
  readonly sourceEntry: string | null;
}

export type WorkspacePorts = { readonly fileSystem: FileSystem; readonly yaml: YamlReader };

/** A package.json that is not JSON: passed over, and said. */
export interface MalformedManifest {
  /** Absolute path. */
  readonly file: string;
  /** Where it stops being JSON (1-based); null when the scanner finds no position. */
  readonly line: number | null;
  readonly column: number | null;
  readonly reason: string;
}

export interface WorkspaceDiscovery {
  readonly packages: WorkspacePackage[];
  readonly malformed: MalformedManifest[];
}

/** The packages of the workspace that holds `folder` (see `discoverWorkspace`). */
export async function findWorkspacePackages(ports: WorkspacePorts, folder: string): Promise<WorkspacePackage[]> {
  return (await discoverWorkspace(ports, folder)).packages;
}

/**
 * The packages of the npm, yarn or pnpm workspace that holds `folder`: the nearest folder at or above
 * it, up to the repository root, whose package.json declares `workspaces` or that has a
 * pnpm-workspace.yaml. None when there is no workspace. Manifests that cannot be parsed are passed over,
 * as npm itself would refuse them, and listed in `malformed`, so a broken root package.json does not
 * silently mean "no workspaces".
 */
export async function discoverWorkspace(ports: WorkspacePorts, folder: string): Promise<WorkspaceDiscovery> {
  const malformed: MalformedManifest[] = [];
  const readJson = (file: string) => readManifest(ports.fileSystem, file, malformed);
  const declaration = await findWorkspaceDeclaration(ports, folder, readJson);
  if (declaration === null) return { packages: [], malformed };
  const { root, patterns } = declaration;
  const included = patterns.filter((pattern) => !pattern.startsWith("!")).map((pattern) => manifestMatcher(pattern));
  const excluded = patterns
    .filter((pattern) => pattern.startsWith("!"))
    .map((pattern) => manifestMatcher(pattern.slice(1)));
  const bases = [...new Set(patterns.filter((pattern) => !pattern.startsWith("!")).map(literalBase))];
  const manifests = (await ports.fileSystem.listFiles(root, bases)).filter(
    (file) =>
      file.endsWith("package.json") &&
      included.some((matcher) => matcher.test(file)) &&
      !excluded.some((matcher) => matcher.test(file)),
  );
  const packages: WorkspacePackage[] = [];
  for (const manifestFile of manifests) {
    const manifest = await readJson(join(root, manifestFile));
    const name = packageNameOfManifest(manifest);
    if (name === null) continue;
    const packageFolder = dirname(join(root, manifestFile));
    packages.push({
      name,
      folder: packageFolder,
      sourceEntry: await firstExisting(ports.fileSystem, packageFolder, sourceEntryCandidates(manifest)),
    });
  }
  return { packages, malformed };
}

/**
 * enhanced-resolve aliases that send an import of a workspace package inside `rootDir` by its name to
 * its source: the bare name to the source entry, deeper paths into the package's folder.
 */
export function workspaceAliases(packages: readonly WorkspacePackage[], rootDir: string): Record<string, string> {
  const aliases: Record<string, string> = {};
  const inside = packages
    .filter((found) => !relative(rootDir, found.folder).split(sep).includes(".."))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const found of inside) {
    if (found.sourceEntry !== null) aliases[`${found.name}$`] = found.sourceEntry;
    aliases[found.name] = found.folder;
  }
  return aliases;
}

async function findWorkspaceDeclaration(
  ports: WorkspacePorts,
  start: string,
  readJson: (file: string) => Promise<unknown>,
): Promise<{ root: string; patterns: string[] } | null> {
  let folder = start;
  for (;;) {
    const pnpmFile = join(folder, "pnpm-workspace.yaml");
    if (await ports.fileSystem.exists(pnpmFile)) {
      const patterns = pnpmWorkspacePatterns(
        ports.yaml.parse(await ports.fileSystem.readText(pnpmFile, "manifest")).value,
      );
      if (patterns !== null) return { root: folder, patterns };
    }
    const patterns = npmWorkspacePatterns(await readJson(join(folder, "package.json")));
    if (patterns !== null) return { root: folder, patterns };
    const parent = dirname(folder);
    if (parent === folder || (await ports.fileSystem.exists(join(folder, ".git")))) return null;
    folder = parent;
  }
}

function manifestMatcher(pattern: string): RegExp {
  return new RegExp(compilePathGlob(`${pattern.replace(/^\.\//, "").replace(/\/+$/, "")}/package.json`));
}

/** The folder a workspace pattern's wildcards start in: `packages/*` → `packages`. */
function literalBase(pattern: string): string {
  const segments = pattern.replace(/^\.\//, "").split("/");
  const firstMagic = segments.findIndex((segment) => /[*?{]/.test(segment));
  const literal = firstMagic < 0 ? segments : segments.slice(0, firstMagic);
  return literal.join("/") || ".";
}

async function readManifest(fileSystem: FileSystem, file: string, malformed: MalformedManifest[]): Promise<unknown> {
  if (!(await fileSystem.exists(file))) return null;
  const text = (await fileSystem.readText(file, "manifest")).replace(/^\uFEFF/, "");
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const found = findJsonSyntaxError(text);
    malformed.push({
      file,
      line: found?.line ?? null,
      column: found?.column ?? null,
      reason: found?.message ?? (error instanceof Error ? error.message : String(error)),
    });
    return null;
  }
}

async function firstExisting(
  fileSystem: FileSystem,
  folder: string,
  candidates: readonly string[],
): Promise<string | null> {
  for (const candidate of candidates) {
    const absolute = join(folder, candidate);
    if (await fileSystem.exists(absolute)) return absolute;
  }
  return null;
}
