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
// After each full collection V8 sets the next one's trigger at the live size times a factor it
// picks (1.1 to 4). A lint's live heap is its tree, which only grows until the process ends: each
// full collection marks all of it again and frees almost nothing (on the 553k-line benchmark the
// second one took 75 ms to go from 142 to 123 MB). A factor of 7 leaves one collection, early, on
// that file, for about 10 MB more peak memory; whatever the config, what the old generation holds
// between collections is the tree and little else, so the factor decides when, not how much.
setFlagsFromString('--heap-growing-percent=600');
runBundle(join(__dirname, 'cli-main.js'));
