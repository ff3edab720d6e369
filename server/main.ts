// keepalived-language-server: `--stdio`, `--node-ipc` or `--socket=N` (picked from argv by
// vscode-languageserver's createConnection).
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// Each keystroke reparses the document: a larger young generation keeps that garbage out of
// full collections, which otherwise dominate the tail latency on large files.
setFlagsFromString('--max-semi-space-size=64');

if (process.argv.includes('--version')) process.stdout.write('keepalived-language-server 0.1.0\n');
else startServer(createConnection(ProposedFeatures.all));
