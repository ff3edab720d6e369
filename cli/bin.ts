// The `keepalived-lint` command: starts the CLI bundle with its code cache (see host/code-cache).
import { join } from 'node:path';
import { runBundle } from '../host/code-cache';

runBundle(join(__dirname, 'cli-main.js'));
