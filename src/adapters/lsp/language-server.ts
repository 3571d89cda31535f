import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type Hover,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { analyseForEditor, createEditorMemo, type EditorAnalysis } from "../../application/editor-analysis.js";
import { isListed, relist } from "../../application/analysis-memo.js";
import { MAX_SOURCE_BYTES } from "../../application/select-files.js";
import { hoverOnImport, hoverOnLayer } from "../../application/editor-hover.js";
import { findLayerMap } from "../../application/find-layer-map.js";
import { incrementalExtractor } from "../../application/incremental-extractor.js";
import { incrementalSyntaxChecker } from "../../application/incremental-syntax-checker.js";
import { exceptionInsertion, mayImportInsertion, type TextInsertion } from "../../application/map-edits.js";
import type { CheckPorts, DependencyExtractor, SourceInspector, SyntaxChecker } from "../../application/ports.js";
import { rememberedImports } from "../../application/remembered-imports.js";
import { unsavedTexts, withUnsavedTexts } from "../../application/unsaved-texts.js";
import { CONFIGURATION_ERRORS_ANCHOR, type EditorDiagnostic } from "../../domain/editor/editor-diagnostic.js";
import { explainViolation } from "../../domain/explain/explain-violation.js";
import type { ViolationStoryRenderer } from "../../domain/explain/render-context.js";
import type { ConfigurationIssue } from "../../domain/errors.js";
import { contains, specifierRange, wordAt } from "./source-ranges.js";
import { unsavedTextExtractor } from "./unsaved-text-extractor.js";

export const README_URL = "https://www.npmjs.com/package/layerlint";
export const EXPLAIN_COMMAND = "layerlint.explain";
/** Changes typed within this many milliseconds of each other are checked once. */
export const DEBOUNCE_MS = 40;

export interface LanguageServerSettings {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** The composition root's ports; the server puts unsaved texts and an in-memory graph in front of them. */
  readonly ports: CheckPorts;
  /** The first full analysis of a map's project answers from the check's cache (shared with `check`); default: none. */
  readonly checkCache?: (rootDir: string, mapFile: string) => Promise<SessionCache | null>;
  readonly today: () => string;
  /** The `explain --violation` text, shown in hovers and by the Explain quick fix. */
  readonly renderViolationStory: ViolationStoryRenderer;
}

interface InitializationOptions {
  /** The layer map, relative to the workspace folder (default: found as `check` finds it). */
  readonly config?: string;
}

/** The check's cache as a session uses it: for the first extraction and syntax check, and to locate imports. */
export interface SessionCache {
  readonly extractor: DependencyExtractor;
  readonly syntax: SyntaxChecker;
  readonly inspector: SourceInspector;
  /** Writes what was located (the extractor and syntax checker write their own files). */
  flush(): Promise<void>;
}

/** `layerlint lsp`: diagnostics, hovers and code actions over stdio, for one workspace folder. */
export function startLanguageServer(settings: LanguageServerSettings): Connection {
  const connection = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(settings.input),
    new StreamMessageWriter(settings.output),
  );
  const documents = new TextDocuments(TextDocument);
  const unsaved = unsavedTexts();
  const fileSystem = withUnsavedTexts(settings.ports.fileSystem, unsaved);
  let syntax = incrementalSyntaxChecker(fileSystem, settings.ports.inspector);
  let extractor = incrementalExtractor(unsavedTextExtractor(settings.ports.extractor, unsaved));
  let inspector = rememberedImports(settings.ports.inspector);
  let cache: SessionCache | null = null;
  const ports = (): CheckPorts => ({ ...settings.ports, fileSystem, syntax, extractor, inspector });

  let workspace = "";
  let configOption: string | undefined;
  let watchRegistration = false;
  let mapFile: string | null = null;
  let rootDir = "";
  let latest: EditorAnalysis | null = null;
  const memo = createEditorMemo();
  /** What was last sent per file (by path), and the files changed since. */
  const sent = new Map<string, readonly object[]>();
  const touched = new Set<string>();

  /** A notification, not showMessageRequest: nothing waits for the user to dismiss it. */
  const tell = (type: MessageType, message: string) =>
    void connection.sendNotification(ShowMessageNotification.type, { type, message });
  const relativeToRoot = (path: string) => relative(rootDir, path).split(sep).join("/");
  const textOf = async (path: string) =>
    unsaved.textOf(path) ?? (await settings.ports.fileSystem.readText(path, "source").catch(() => ""));

  connection.onInitialize((params) => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    workspace = folder === null || folder === undefined ? "" : fileURLToPath(folder);
    configOption = (params.initializationOptions as InitializationOptions | undefined)?.config;
    watchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: [EXPLAIN_COMMAND] },
      },
      serverInfo: { name: "layerlint" },
    };
  });

  connection.onInitialized(async () => {
    if (watchRegistration)
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: "**/*" }] });
    if (workspace === "") {
      tell(MessageType.Error, "layerlint: the client named no workspace folder");
      return;
    }
    try {
      mapFile = await findLayerMap(settings.ports.fileSystem, workspace, configOption);
    } catch (error) {
      tell(MessageType.Error, `layerlint: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    rootDir = dirname(mapFile);
    cache = (await settings.checkCache?.(rootDir, mapFile)) ?? null;
    if (cache !== null) {
      extractor = incrementalExtractor(unsavedTextExtractor(settings.ports.extractor, unsaved), cache.extractor);
      syntax = incrementalSyntaxChecker(fileSystem, settings.ports.inspector, cache.syntax);
      inspector = rememberedImports(cache.inspector);
    }
    // Documents opened before the map was found: the first graph reads the disk, their unsaved texts are patched in.
    changed(documents.all().map((document) => fileURLToPath(document.uri)));
    schedule(0);
  });

  /** `listing`: files may have been added, removed or resized, so the tree is listed again. */
  const changed = (paths: readonly string[], listing = true) => {
    const inside = paths.filter((path) => rootDir !== "" && !relative(rootDir, path).startsWith(".."));
    const files = inside.map(relativeToRoot);
    for (const path of inside) touched.add(path);
    if (inside.some((path) => /^(package\.json|tsconfig.*\.json)$/.test(basename(path)))) extractor.reset();
    if (listing || !files.every((file) => isListed(memo.analysis, file))) relist(memo.analysis);
    extractor.changed(files);
    syntax.changed(files);
    schedule(DEBOUNCE_MS);
  };

  documents.onDidChangeContent(({ document }) => {
    const path = fileURLToPath(document.uri);
    const text = document.getText();
    unsaved.set(path, text);
    changed([path], mayBeOversized(text));
  });
  documents.onDidClose(({ document }) => {
    const path = fileURLToPath(document.uri);
    unsaved.delete(path);
    changed([path]);
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    // An open document's text is the editor's; the disk catches up when it is saved.
    const paths = changes
      .map((change) => ({ path: fileURLToPath(change.uri), type: change.type }))
      .filter(({ path, type }) => type === FileChangeType.Deleted || unsaved.textOf(path) === undefined)
      .map(({ path }) => path);
    if (paths.length > 0) changed(paths);
  });

  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  /** Whether the extractor was warmed up after the first analysis (a failure there shows on the next change). */
  let warm = false;
  function schedule(delay: number) {
    if (mapFile === null) return;
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
        }
      } while (again);
    } finally {
      running = false;
    }
  }

  async function analyseAndPublish() {
    const map = mapFile as string;
    const touchedSincePublished = new Set(touched);
    touched.clear();
    try {
      latest = await analyseForEditor(ports(), { mapFile: map, cwd: rootDir, today: settings.today(), memo });
    } catch (error) {
      for (const path of touchedSincePublished) touched.add(path);
      const message = error instanceof Error ? error.message : String(error);
      connection.console.error(`layerlint: ${message}`);
      tell(MessageType.Error, `layerlint: ${message}`);
      return;
    }
    if (latest.ok)
      connection.console.log(
        `layerlint: checked ${latest.analysis.report.summary.modules} modules (${Object.entries(latest.analysis.timings)
          .map(([phase, ms]) => `${phase} ${ms} ms`)
          .join(", ")})`,
      );
    const groups = new Map<string, Findings>();
    const group = <T extends object>(byPath: Map<string, T[]>, toLsp: (found: T, text: string) => Diagnostic) => {
      for (const [path, found] of byPath)
        groups.set(path, { found, render: (text) => found.map((one) => toLsp(one, text)) });
    };
    if (latest.ok)
      group(
        groupBy(latest.diagnostics, (found) => (found.file === null ? map : join(rootDir, found.file))),
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

  connection.onHover(async ({ textDocument, position }): Promise<Hover | null> => {
    if (latest === null || !latest.ok) return null;
    const path = fileURLToPath(textDocument.uri);
    const text = await textOf(path);
    if (path === mapFile) {
      const word = wordAt(text, position);
      const markdown = word === null ? null : hoverOnLayer(latest.analysis, word);
      return markdown === null ? null : { contents: { kind: "markdown", value: markdown } };
    }
    const file = relativeToRoot(path);
    for (const found of inspector.locateImports(file, text)) {
      const range = specifierRange(text, found.line, found.column, found.specifier);
      if (!contains(range, position)) continue;
      const markdown = await hoverOnImport(
        latest.analysis,
        latest.explain,
        file,
        found.specifier,
        settings.renderViolationStory,
      );
      return markdown === null ? null : { contents: { kind: "markdown", value: markdown }, range };
    }
    return null;
  });

  connection.onCodeAction(async ({ textDocument, context }): Promise<CodeAction[]> => {
    if (latest === null || !latest.ok || mapFile === null) return [];
    const analysis = latest.analysis;
    const mapUri = pathToFileURL(mapFile).href;
    const mapText = await textOf(mapFile);
    const parsed = settings.ports.yaml.parse(mapText);
    const actions: CodeAction[] = [];
    const edit = (title: string, insertion: TextInsertion | null, diagnostic: Diagnostic, preferred: boolean) => {
      if (insertion === null) return;
      const position = { line: insertion.line - 1, character: insertion.column - 1 };
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: preferred,
        edit: { changes: { [mapUri]: [{ range: { start: position, end: position }, newText: insertion.text }] } },
      });
    };
    for (const diagnostic of context.diagnostics) {
      const id = (diagnostic.data as { violationId?: string } | undefined)?.violationId;
      const violation = analysis.report.violations.find((candidate) => candidate.id === id);
      if (violation === undefined || fileURLToPath(textDocument.uri) !== join(rootDir, violation.from)) continue;
      const exceptable = ["layer", "package", "private", "context"].includes(violation.kind) && violation.to !== null;
      if (exceptable)
        edit(
          `Add an exception for ${violation.from} → ${violation.to} to ${basename(mapFile)} (fill in the reason)`,
          exceptionInsertion(mapText, parsed, violation.from, violation.to),
          diagnostic,
          false,
        );
      if (violation.kind === "layer" && violation.severity === "error" && violation.fromLayer && violation.toLayer)
        edit(
          `Widen the architecture: add ${violation.toLayer} to layers.${violation.fromLayer}.mayImport`,
          mayImportInsertion(mapText, parsed, violation.fromLayer, violation.toLayer),
          diagnostic,
          false,
        );
      actions.push({
        title: `Explain ${violation.id} (layerlint explain)`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: "Explain", command: EXPLAIN_COMMAND, arguments: [violation.id] },
      });
    }
    return actions;
  });

  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command !== EXPLAIN_COMMAND || latest === null || !latest.ok) return null;
    const violation = latest.analysis.report.violations.find((candidate) => candidate.id === args?.[0]);
    if (violation === undefined) {
      tell(MessageType.Warning, `layerlint: no violation with id "${String(args?.[0])}" any more`);
      return null;
    }
    const text = settings.renderViolationStory(
      explainViolation(latest.explain.context, violation),
      await latest.explain.renderContext([violation.from]),
    );
    tell(MessageType.Info, text);
    return text;
  });

  documents.listen(connection);
  connection.listen();
  return connection;
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

/** A text this long may be over the size limit of a source file in UTF-8 (up to three bytes a code unit). */
function mayBeOversized(text: string): boolean {
  return text.length * 3 > MAX_SOURCE_BYTES;
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
