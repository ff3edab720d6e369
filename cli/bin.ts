// The `keepalived-lint` command: starts the CLI bundle with its code cache (see host/code-cache).
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runBundle } from '../host/code-cache';

// A lint builds a tree that lives until the end. V8 allocates it in the young generation, learns
// from the collections which allocation sites make only long-lived objects, and then allocates
// theirs in the old generation directly, but it counts an object as alive only when a collection
// copies it: when a young page is nearly all alive, V8 moves the whole page instead, counts
// nothing for it, and its sites are judged short-lived for the rest of the run. Without page
// moves the sites of the tree are judged right, and the young-generation collections of the
// 553k-line benchmark take about half as long (about 200 instead of 400 ms). V8 reads this flag
// at each collection, so it takes effect here (the code cache is recorded with it set too).
setFlagsFromString('--no-page-promotion');
runBundle(join(__dirname, 'cli-main.js'));
