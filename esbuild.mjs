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
    entryPoints: { cli: 'cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  }),
  esbuild.build({
    ...common,
    entryPoints: { server: 'server/main.ts' },
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
