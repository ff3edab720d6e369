// Bundles the three faces: the CLI, the language server and the VS Code client.
import { readFile } from 'node:fs/promises';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');

// Large JSON data is embedded as JSON.parse('…'): V8 parses a JSON string faster than the same
// data as an object literal, which shortens every start of the CLI and the server.
const jsonParse = {
  name: 'json-parse',
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      return { contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(text)))});`, loader: 'js' };
    });
  },
};
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  plugins: [jsonParse],
};

await Promise.all([
  esbuild.build({
    ...common,
    // dist/cli.js is a small starter that runs dist/cli-main.js with its code cache.
    entryPoints: { cli: 'cli/bin.ts', 'cli-main': 'cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  }),
  esbuild.build({
    ...common,
    // dist/server.js likewise starts dist/server-main.js (after restarting Node with its flags).
    entryPoints: { server: 'server/bin.ts', 'server-main': 'server/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  }),
  esbuild.build({
    ...common,
    entryPoints: { extension: 'client/extension.ts' },
    outdir: 'dist',
    external: ['vscode'],
  }),
]);

// V8's code caches (host/code-cache.ts): a lint of the bundled examples and a short editor session
// record the bytecode of everything they compile. Made for this Node; any other Node, or a changed
// bundle, ignores them and compiles as usual.
await import('./scripts/code-cache.mjs').then((m) => m.writeCodeCaches());
