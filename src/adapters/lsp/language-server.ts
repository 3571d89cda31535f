import { fileURLToPath } from "node:url";
import {
  CodeActionKind,
  createConnection,
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
  type Hover,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { findEditorMaps, isInside, owningMap } from "../../application/find-editor-maps.js";
import { MAX_SOURCE_BYTES } from "../../application/select-files.js";
import { unsavedTexts, withUnsavedTexts } from "../../application/unsaved-texts.js";
import { explainViolation } from "../../domain/explain/explain-violation.js";
import { startMapSession, type MapSession } from "./map-session.js";
import type { LanguageServerSettings } from "./server-settings.js";
import { hoverAt } from "./hover.js";
import { EXPLAIN_COMMAND, quickFixes } from "./quick-fixes.js";

interface InitializationOptions {
  /** The layer map, relative to the workspace folder (default: found as `check` finds it). */
  readonly config?: string;
}

/** `layerlint lsp`: diagnostics, hovers and code actions over stdio, for one workspace folder and every map in it. */
export function startLanguageServer(settings: LanguageServerSettings): Connection {
  const connection = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(settings.input),
    new StreamMessageWriter(settings.output),
  );
  const documents = new TextDocuments(TextDocument);
  const unsaved = unsavedTexts();
  const fileSystem = withUnsavedTexts(settings.ports.fileSystem, unsaved);

  let workspace = "";
  let configOption: string | undefined;
  let watchRegistration = false;
  /** One per map, sorted by map file; a file belongs to the map nearest above it. */
  let sessions: readonly MapSession[] = [];
  const ownerOf = (path: string): MapSession | undefined => {
    const map = owningMap(
      sessions.map((session) => session.mapFile),
      path,
    );
    return sessions.find((session) => session.mapFile === map);
  };

  /** A notification, not showMessageRequest: nothing waits for the user to dismiss it. */
  const tell = (type: MessageType, message: string) =>
    void connection.sendNotification(ShowMessageNotification.type, { type, message });

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
    let maps: readonly string[];
    try {
      maps = await findEditorMaps(settings.ports, workspace, configOption);
    } catch (error) {
      tell(MessageType.Error, `layerlint: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    sessions = maps.map((mapFile) =>
      startMapSession({
        server: settings,
        connection,
        unsaved,
        fileSystem,
        mapFile,
        publishes: (path) => [undefined, mapFile].includes(ownerOf(path)?.mapFile),
        tell,
      }),
    );
    const open = documents.all().map((document) => fileURLToPath(document.uri));
    await Promise.all(sessions.map((session) => session.start(open.filter((path) => isInside(session.rootDir, path)))));
  });

  /**
   * `listing`: files may have been added, removed or resized, so the tree is listed again.
   * Each map re-reads the changed files inside its folder (a root map's graph holds its packages' files too),
   * except another map's file: an edit of one package's map re-checks that package alone.
   */
  const changed = (paths: readonly string[], listing = true) => {
    const mapFiles = new Set(sessions.map((session) => session.mapFile));
    for (const session of sessions) {
      const inside = paths.filter(
        (path) => isInside(session.rootDir, path) && (path === session.mapFile || !mapFiles.has(path)),
      );
      if (inside.length > 0) session.changed(inside, listing);
    }
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

  connection.onHover(async ({ textDocument, position }): Promise<Hover | null> => {
    const path = fileURLToPath(textDocument.uri);
    const session = ownerOf(path);
    return session === undefined ? null : await hoverAt(session, path, position, settings.renderViolationStory);
  });

  connection.onCodeAction(async ({ textDocument, context }): Promise<CodeAction[]> => {
    const session = ownerOf(fileURLToPath(textDocument.uri));
    if (session === undefined) return [];
    return await quickFixes(session, settings.ports.yaml, textDocument.uri, context.diagnostics);
  });

  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command !== EXPLAIN_COMMAND) return null;
    // The map's file comes second since several maps share the server; without it, the first map knowing the id.
    for (const session of sessions) {
      const latest = session.latest();
      if (!latest?.ok || (args?.[1] !== undefined && args[1] !== session.mapFile)) continue;
      const violation = latest.analysis.report.violations.find((candidate) => candidate.id === args?.[0]);
      if (violation === undefined) continue;
      const text = settings.renderViolationStory(
        explainViolation(latest.explain.context, violation),
        await latest.explain.renderContext([violation.from]),
      );
      tell(MessageType.Info, text);
      return text;
    }
    tell(MessageType.Warning, `layerlint: no violation with id "${String(args?.[0])}" any more`);
    return null;
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

/** A text this long may be over the size limit of a source file in UTF-8 (up to three bytes a code unit). */
function mayBeOversized(text: string): boolean {
  return text.length * 3 > MAX_SOURCE_BYTES;
}
