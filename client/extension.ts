import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** Starts the language server; restarts it on command or a new server.path. */
export async function activate(
  context: vscode.ExtensionContext,
): Promise<void> {
  // Without a log channel, activation can fail silently (see E2E.md).
  const outputChannel = vscode.window.createOutputChannel('keepalived', {
    log: true,
  });
  const watchers = [
    vscode.workspace.createFileSystemWatcher(
      '**/.keepalived-lint.{json,yaml,yml}',
    ),
    vscode.workspace.createFileSystemWatcher('**/*.conf'),
  ];
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'keepalived' },
      { scheme: 'untitled', language: 'keepalived' },
    ],
    synchronize: { configurationSection: 'keepalived', fileEvents: watchers },
    outputChannel,
  };
  const start = async (): Promise<void> => {
    const module = serverModule(context);
    const serverOptions: ServerOptions = {
      // A larger young generation keeps garbage collection off the typing path on big files.
      run: { module, transport: TransportKind.ipc, options: { execArgv: ['--max-semi-space-size=64'] } },
      debug: {
        module,
        transport: TransportKind.ipc,
        options: { execArgv: ['--nolazy', '--inspect=6009'] },
      },
    };
    client = new LanguageClient(
      'keepalived',
      'keepalived',
      serverOptions,
      clientOptions,
    );
    try {
      await client.start();
    } catch (err) {
      outputChannel.error(
        `cannot start the keepalived language server ${module}: ${String(err)}`,
      );
    }
  };
  const restart = async (): Promise<void> => {
    await deactivate();
    await start();
  };
  context.subscriptions.push(
    outputChannel,
    ...watchers,
    vscode.commands.registerCommand('keepalived.restartServer', restart),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('keepalived.server.path')) void restart();
    }),
  );
  await start();
}

/** Stops the language server, if it is running. */
export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.isRunning()) await running.stop();
}

/** `keepalived.server.path` (workspace-relative), else dist/server.js. */
function serverModule(context: vscode.ExtensionContext): string {
  const custom = vscode.workspace
    .getConfiguration('keepalived')
    .get<string | null>('server.path');
  if (!custom) return context.asAbsolutePath('dist/server.js');
  const folder = vscode.workspace.workspaceFolders?.[0];
  const absolute = custom.startsWith('/') || /^[A-Za-z]:[\\/]/.test(custom);
  return absolute || !folder
    ? custom
    : vscode.Uri.joinPath(folder.uri, custom).fsPath;
}
