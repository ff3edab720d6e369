// keepalived-language-server: `--stdio`, `--node-ipc` or `--socket=N` (picked from argv by
// vscode-languageserver's createConnection).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { onRespawnFailure, respawnWithFlags } from './respawn';
import { startServer } from './server';

const serve = (): void => startServer(createConnection(ProposedFeatures.all));

if (process.argv.includes('--version')) process.stdout.write('keepalived-language-server 0.1.0\n');
else if (respawnWithFlags()) onRespawnFailure(serve);
else serve();
