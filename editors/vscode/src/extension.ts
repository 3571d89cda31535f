import { existsSync } from "node:fs";
import { join } from "node:path";
import { RelativePattern, window, workspace, type ExtensionContext, type WorkspaceFolder } from "vscode";
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";

/** One language server per workspace folder, each started from that folder's own layerlint. */
const clients = new Map<string, LanguageClient>();

export async function activate(context: ExtensionContext): Promise<void> {
  for (const folder of workspace.workspaceFolders ?? []) await start(folder);
  context.subscriptions.push(
    workspace.onDidChangeWorkspaceFolders(async ({ added, removed }) => {
      for (const folder of removed) await stop(folder);
      for (const folder of added) await start(folder);
    }),
    workspace.onDidChangeConfiguration(async (event) => {
      for (const folder of workspace.workspaceFolders ?? []) {
        if (!event.affectsConfiguration("layerlint", folder.uri)) continue;
        await stop(folder);
        await start(folder);
      }
    }),
  );
}

export async function deactivate(): Promise<void> {
  await Promise.all([...clients.values()].map((client) => client.stop()));
  clients.clear();
}

async function start(folder: WorkspaceFolder): Promise<void> {
  const settings = workspace.getConfiguration("layerlint", folder.uri);
  if (!settings.get<boolean>("enable", true)) return;
  const bin = join(folder.uri.fsPath, "node_modules", "layerlint", "dist", "cli", "bin.js");
  if (!existsSync(bin)) {
    void window.showWarningMessage(
      `layerlint: ${folder.name} has no node_modules/layerlint: run \`npm install --save-dev layerlint\` there, or set layerlint.enable to false`,
    );
    return;
  }
  // TransportKind.stdio runs the module with VS Code's own Node and adds --stdio, which `layerlint lsp` accepts.
  const server: ServerOptions = {
    module: bin,
    args: ["lsp"],
    transport: TransportKind.stdio,
    options: { cwd: folder.uri.fsPath },
  };
  const configPath = settings.get<string>("configPath", "");
  const client: LanguageClientOptions = {
    workspaceFolder: folder,
    documentSelector: [
      // The protocol's glob, not VS Code's RelativePattern: the folder's own files only, as the multi-root sample does.
      { scheme: "file", pattern: `${folder.uri.fsPath}/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}` },
      { scheme: "file", pattern: `${folder.uri.fsPath}/**/layers.{yaml,yml}` },
    ],
    initializationOptions: configPath === "" ? {} : { config: configPath },
    synchronize: { fileEvents: workspace.createFileSystemWatcher(new RelativePattern(folder, "**/*")) },
  };
  const languageClient = new LanguageClient(`layerlint-${folder.name}`, `layerlint (${folder.name})`, server, client);
  clients.set(folder.uri.toString(), languageClient);
  await languageClient.start();
}

async function stop(folder: WorkspaceFolder): Promise<void> {
  const client = clients.get(folder.uri.toString());
  clients.delete(folder.uri.toString());
  await client?.stop();
}
