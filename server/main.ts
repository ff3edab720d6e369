// keepalived-language-server: `--stdio`, `--node-ipc` or `--socket=N` (picked from argv by
// vscode-languageserver's createConnection).
// Started by server/bin.ts (dist/server.js), which has already restarted Node with the server's
// flags when it runs over stdio.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

if (process.argv.includes('--version')) process.stdout.write('keepalived-language-server 0.1.0\n');
else startServer(createConnection(ProposedFeatures.all));
