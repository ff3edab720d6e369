// The `keepalived-language-server` command. In `--stdio` mode it first starts itself once more
// with the Node flags the server wants (server/respawn.ts), before loading anything else; then the
// server bundle runs with its code cache (host/code-cache.ts).
import { join } from 'node:path';
import { runBundle } from '../host/code-cache';
import { onRespawnFailure, respawnWithFlags } from './respawn';

const start = (): void => {
  runBundle(join(__dirname, 'server-main.js'));
};

if (respawnWithFlags()) onRespawnFailure(start);
else start();
