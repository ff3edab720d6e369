// Preloaded with `node --require` into the CLI and the language server by no-exec.test.ts: any
// attempt to start a process or open a network connection writes the API's name to the file named
// by KL_DENY_MARKER and exits with status 99, so the test sees it however the caller handles errors.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a --require preload is CommonJS by nature */
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');

const marker = process.env.KL_DENY_MARKER;
function deny(name) {
  return function denied() {
    try {
      fs.appendFileSync(marker, `${name}\n`);
    } catch {
      /* the exit code still tells */
    }
    process.exit(99);
  };
}

const patch = (mod, modName, names) => {
  for (const n of names) if (typeof mod[n] === 'function') mod[n] = deny(`${modName}.${n}`);
};
patch(require('node:child_process'), 'child_process', [
  'spawn',
  'spawnSync',
  'exec',
  'execSync',
  'execFile',
  'execFileSync',
  'fork',
]);
patch(require('node:net'), 'net', ['connect', 'createConnection']);
require('node:net').Socket.prototype.connect = deny('net.Socket.connect');
patch(require('node:tls'), 'tls', ['connect']);
patch(require('node:dns'), 'dns', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']);
patch(require('node:dns').promises, 'dns.promises', [
  'lookup',
  'resolve',
  'resolve4',
  'resolve6',
  'resolveAny',
  'reverse',
]);
patch(require('node:http'), 'http', ['request', 'get']);
patch(require('node:https'), 'https', ['request', 'get']);
patch(require('node:dgram'), 'dgram', ['createSocket']);
if (typeof globalThis.fetch === 'function') globalThis.fetch = deny('fetch');
// Named ESM imports of the built-ins see the patched functions too.
syncBuiltinESMExports();
