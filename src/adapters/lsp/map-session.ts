import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { DiagnosticSeverity, MessageType, type Connection, type Diagnostic } from "vscode-languageserver/node";
import { isListed, relist } from "../../application/analysis-memo.js";
import { analyseForEditor, createEditorMemo, type EditorAnalysis } from "../../application/editor-analysis.js";
import { incrementalExtractor } from "../../application/incremental-extractor.js";
import { incrementalSyntaxChecker } from "../../application/incremental-syntax-checker.js";
import type { CheckPorts, FileSystem, LoopStore, SourceInspector } from "../../application/ports.js";
import { rememberedImports } from "../../application/remembered-imports.js";
import type { UnsavedTexts } from "../../application/unsaved-texts.js";
import { CONFIGURATION_ERRORS_ANCHOR, type EditorDiagnostic } from "../../domain/editor/editor-diagnostic.js";
import type { ConfigurationIssue } from "../../domain/errors.js";
import type { LanguageServerSettings, SessionCache } from "./server-settings.js";
import { specifierRange } from "./source-ranges.js";
import { unsavedTextExtractor } from "./unsaved-text-extractor.js";

export const README_URL = "https://www.npmjs.com/package/layerlint";
/** Changes typed within this many milliseconds of each other are checked once. */
export const DEBOUNCE_MS = 40;

export interface MapSessionSettings {
  readonly server: LanguageServerSettings;
  readonly connection: Connection;
  readonly unsaved: UnsavedTexts;
  /** The file system as the editor shows it (unsaved texts first). */
  readonly fileSystem: FileSystem;
  readonly mapFile: string;
  /** Whether this map's findings in a file are published: the file belongs to no nearer map. */
  readonly publishes: (path: string) => boolean;
  readonly tell: (type: MessageType, message: string) => void;
}

/** One layer map of the workspace folder: its graph in memory, its analysis, the diagnostics it last sent. */
export interface MapSession {
  readonly mapFile: string;
  /** The map's folder: its files are named relative to it. */
  readonly rootDir: string;
  readonly inspector: SourceInspector;
  /** The last analysis; null before the first. */
  latest(): EditorAnalysis | null;
  /** Reads the check's cache (or cruises), then analyses with the open documents' texts. */
  start(openDocuments: readonly string[]): Promise<void>;
  /**
   * Files inside the map's folder changed (absolute paths): re-extracted and re-analysed after a pause.
   * `listing`: files may have been added, removed or resized, so the tree is listed again.
   */
  changed(paths: readonly string[], listing?: boolean): void;
  relativeToRoot(path: string): string;
  textOf(path: string): Promise<string>;
}

export function startMapSession(settings: MapSessionSettings): MapSession {
  const { connection, unsaved, mapFile, server } = settings;
  const rootDir = dirname(mapFile);
  let syntax = incrementalSyntaxChecker(settings.fileSystem, server.ports.inspector);
  let extractor = incrementalExtractor(unsavedTextExtractor(server.ports.extractor, unsaved));
  let inspector = rememberedImports(server.ports.inspector);
  let cache: SessionCache | null = null;
  /** The loops of the check's cache, while the session is not warm; whether they answered the first analysis. */
  let loops: LoopStore | undefined;
  let loopsRecalled = false;
  const ports = (): CheckPorts => ({
    ...server.ports,
    fileSystem: settings.fileSystem,
    syntax,
    extractor,
    inspector,
    // Only before the session is warm: the cycle memo answers a change, at no cost for reading the store.
    ...(warm || loops === undefined ? {} : { loops }),
  });

  let started = false;
  let latest: EditorAnalysis | null = null;
  const memo = createEditorMemo();
  /** What was last sent per file (by path), and the files changed since. */
  const sent = new Map<string, readonly object[]>();
  const touched = new Set<string>();

  const relativeToRoot = (path: string) => relative(rootDir, path).split(sep).join("/");
  const textOf = async (path: string) =>
    unsaved.textOf(path) ?? (await server.ports.fileSystem.readText(path, "source").catch(() => ""));

  function changed(paths: readonly string[], listing = true) {
    const files = paths.map(relativeToRoot);
    for (const path of paths) touched.add(path);
    if (paths.some((path) => /^(package\.json|tsconfig.*\.json)$/.test(basename(path)))) extractor.reset();
    if (listing || !files.every((file) => isListed(memo.analysis, file))) relist(memo.analysis);
    extractor.changed(files);
    syntax.changed(files);
    schedule(DEBOUNCE_MS);
  }

  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  /** Whether the extractor was warmed up after the first analysis (a failure there shows on the next change). */
  let warm = false;
  function schedule(delay: number) {
    if (!started) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delay);
  }
  async function run() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await analyseAndPublish();
        if (!warm && !again) {
          warm = true;
          await cache?.flush();
          await extractor.warmUp().catch(() => undefined);
          // A first analysis that built its cycles from the cache's loops left the cycle memo empty: one more
          // analysis fills it, so that the first change searches only what it touches.
          if (loopsRecalled) again = true;
        }
      } while (again);
    } finally {
      running = false;
    }
  }

  async function analyseAndPublish() {
    const touchedSincePublished = new Set(touched);
    touched.clear();
    try {
      latest = await analyseForEditor(ports(), { mapFile, cwd: rootDir, today: server.today(), memo });
    } catch (error) {
      for (const path of touchedSincePublished) touched.add(path);
      const message = error instanceof Error ? error.message : String(error);
      connection.console.error(`layerlint: ${mapFile}: ${message}`);
      settings.tell(MessageType.Error, `layerlint: ${message}`);
      return;
    }
    if (latest.ok)
      connection.console.log(
        `layerlint: ${mapFile}: checked ${latest.analysis.report.summary.modules} modules (${Object.entries(
          latest.analysis.timings,
        )
          .map(([phase, ms]) => `${phase} ${ms} ms`)
          .join(", ")})`,
      );
    const groups = new Map<string, Findings>();
    const group = <T extends object>(byPath: Map<string, T[]>, toLsp: (found: T, text: string) => Diagnostic) => {
      for (const [path, found] of byPath)
        if (settings.publishes(path))
          groups.set(path, { found, render: (text) => found.map((one) => toLsp(one, text)) });
    };
    if (latest.ok)
      group(
        groupBy(latest.diagnostics, (found) => (found.file === null ? mapFile : join(rootDir, found.file))),
        toDiagnostic,
      );
    else
      group(
        groupBy(latest.issues, (issue) => resolve(rootDir, issue.file)),
        issueDiagnostic,
      );
    await publish(groups, touchedSincePublished);
  }

  /** Sends only what changed: a file whose findings and text are as last sent is left alone. */
  async function publish(groups: ReadonlyMap<string, Findings>, touched: ReadonlySet<string>) {
    for (const path of [...sent.keys()]) {
      if (groups.has(path)) continue;
      sent.delete(path);
      await connection.sendDiagnostics({ uri: pathToFileURL(path).href, diagnostics: [] });
    }
    for (const [path, { found, render }] of groups) {
      const before = sent.get(path);
      if (before !== undefined && sameFindings(before, found) && !touched.has(path)) continue;
      sent.set(path, found);
      await connection.sendDiagnostics({ uri: pathToFileURL(path).href, diagnostics: render(await textOf(path)) });
    }
  }

  return {
    mapFile,
    rootDir,
    // The check's cache replaces the first one when the session starts.
    get inspector() {
      return inspector;
    },
    latest: () => latest,
    async start(openDocuments) {
      cache = (await server.checkCache?.(rootDir, mapFile)) ?? null;
      const stored = cache?.loops;
      if (stored !== undefined)
        loops = {
          async recall(search) {
            const found = await stored.recall(search);
            if (found !== undefined) loopsRecalled = true;
            return found;
          },
          remember: (search, found) => stored.remember(search, found),
        };
      if (cache !== null) {
        extractor = incrementalExtractor(unsavedTextExtractor(server.ports.extractor, unsaved), cache.extractor);
        syntax = incrementalSyntaxChecker(settings.fileSystem, server.ports.inspector, cache.syntax);
        inspector = rememberedImports(cache.inspector);
      }
      started = true;
      // Documents opened before the map was found: the first graph reads the disk, their unsaved texts are patched in.
      changed(openDocuments);
      schedule(0);
    },
    changed,
    relativeToRoot,
    textOf,
  };
}

/** A file's findings (diagnostics or map problems) and how they read in the file's text. */
interface Findings {
  readonly found: readonly object[];
  readonly render: (text: string) => Diagnostic[];
}

/** The same findings: mostly the very same objects (the session keeps them), else equal ones. */
function sameFindings(before: readonly object[], after: readonly object[]): boolean {
  return (
    before.length === after.length &&
    before.every((one, index) => one === after[index] || JSON.stringify(one) === JSON.stringify(after[index]))
  );
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

function toDiagnostic(found: EditorDiagnostic, text: string): Diagnostic {
  return {
    range: specifierRange(text, found.line, found.column, found.specifier),
    severity: found.severity === "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: found.code,
    codeDescription: { href: `${README_URL}#${found.anchor}` },
    source: "layerlint",
    message: found.message,
    data: { violationId: found.violationId },
  };
}

/** A problem of the map, at its key, with `check`'s words. */
function issueDiagnostic(issue: ConfigurationIssue, text: string): Diagnostic {
  const line = issue.line ?? 1;
  const column = issue.column ?? 1;
  return {
    range: specifierRange(text, line, column, null),
    severity: DiagnosticSeverity.Error,
    code: "layer-map",
    codeDescription: { href: `${README_URL}#${CONFIGURATION_ERRORS_ANCHOR}` },
    source: "layerlint",
    message: issue.key === "" ? issue.message : `(${issue.key}) ${issue.message}`,
  };
}
