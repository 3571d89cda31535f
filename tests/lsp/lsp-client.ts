import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from "vscode-jsonrpc/node";
import { BUILT_BIN, fixturePath } from "../helpers/run-built-cli.js";

export interface LspDiagnostic {
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
  readonly severity: number;
  readonly code: string;
  readonly codeDescription?: { href: string };
  readonly message: string;
  readonly source: string;
  readonly data?: { violationId: string | null };
}

/** The built server (`npm run build` first) on a copy of a fixture, driven over stdio by a JSON-RPC client. */
export interface LspSession {
  readonly dir: string;
  readonly connection: MessageConnection;
  readonly messages: string[];
  /** The server's log messages (window/logMessage), in order. */
  readonly logs: string[];
  uri(file: string): string;
  /** The last diagnostics published for each file that has any. */
  published(): ReadonlyMap<string, readonly LspDiagnostic[]>;
  /** How many times diagnostics were published for a file. */
  publications(file: string): number;
  /** The last diagnostics published for a file. */
  diagnostics(file: string): readonly LspDiagnostic[] | undefined;
  /** Resolves once the file's published diagnostics satisfy `ready` (checked on each publication and now). */
  waitFor(file: string, ready: (diagnostics: readonly LspDiagnostic[]) => boolean): Promise<readonly LspDiagnostic[]>;
  open(file: string, text: string): Promise<void>;
  change(file: string, text: string, version: number): Promise<void>;
  close(): Promise<void>;
}

export async function startLspSession(
  fixture: string,
  options: { watchedFiles?: boolean; prepare?: (dir: string) => void } = {},
): Promise<LspSession> {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "layerlint-lsp-")));
  cpSync(fixturePath(fixture), dir, { recursive: true });
  options.prepare?.(dir);
  const child: ChildProcess = spawn(process.execPath, [BUILT_BIN, "lsp", "--stdio"], {
    cwd: dir,
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  const uri = (file: string) => pathToFileURL(join(dir, file)).href;
  const published = new Map<string, LspDiagnostic[]>();
  const waiters = new Set<() => void>();
  const messages: string[] = [];
  const logs: string[] = [];
  const publications = new Map<string, number>();
  connection.onNotification(
    "textDocument/publishDiagnostics",
    (params: { uri: string; diagnostics: LspDiagnostic[] }) => {
      published.set(params.uri, params.diagnostics);
      publications.set(params.uri, (publications.get(params.uri) ?? 0) + 1);
      for (const waiter of [...waiters]) waiter();
    },
  );
  connection.onNotification("window/showMessage", (params: { message: string }) => {
    messages.push(params.message);
  });
  connection.onNotification("window/logMessage", (params: { message: string }) => {
    logs.push(params.message);
  });
  connection.onRequest("client/registerCapability", () => null);
  connection.listen();
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: "fixture" }],
    capabilities: {
      workspace: { didChangeWatchedFiles: { dynamicRegistration: options.watchedFiles ?? true } },
      textDocument: { publishDiagnostics: {} },
    },
  });
  await connection.sendNotification("initialized", {});

  return {
    dir,
    connection,
    messages,
    logs,
    uri,
    published: () => new Map([...published].filter(([, diagnostics]) => diagnostics.length > 0)),
    publications: (file) => publications.get(uri(file)) ?? 0,
    diagnostics: (file) => published.get(uri(file)),
    waitFor(file, ready) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching diagnostics for ${file}; last: ${JSON.stringify(published.get(uri(file)))}`));
        }, 50_000);
        const check = () => {
          const current = published.get(uri(file));
          if (current !== undefined && ready(current)) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve(current);
          }
        };
        waiters.add(check);
        check();
      });
    },
    async open(file, text) {
      await connection.sendNotification("textDocument/didOpen", {
        textDocument: { uri: uri(file), languageId: "typescript", version: 1, text },
      });
    },
    async change(file, text, version) {
      await connection.sendNotification("textDocument/didChange", {
        textDocument: { uri: uri(file), version },
        contentChanges: [{ text }],
      });
    },
    async close() {
      await Promise.race([
        connection.sendRequest("shutdown").catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, 5000)),
      ]);
      await connection.sendNotification("exit").catch(() => undefined);
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) resolve();
        else child.once("exit", () => resolve());
        setTimeout(() => {
          child.kill();
          resolve();
        }, 3000);
      });
      connection.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `code@line:character` of each diagnostic, sorted: what a test compares. */
export function summarize(diagnostics: readonly LspDiagnostic[]): string[] {
  return diagnostics
    .map(
      (diagnostic) => `${diagnostic.code}@${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`,
    )
    .sort();
}
