// JIT warm-up. V8 runs new code slowly (interpreted, then baseline) until it has seen it run
// often enough to optimise it; left alone, that happens on the user's first keystrokes, which
// then take 3-5 times as long as later ones. After `initialized` the server therefore reads and
// lints a small built-in configuration a few times, with one-character edits like typing, in
// slices between which incoming messages are handled. Nothing of it is published or kept.
import { parseText, reparseText, type FileAccess, type ParseResult } from '../grammar/index';
import { BlockCache, lintParse } from '../linter/index';
import { diagnosticsForDocument } from './diagnostics';

/** Rounds of edit + re-read + lint (each one slice of a few milliseconds). */
export const WARM_UP_ROUNDS = 24;

const PATH = '/keepalived-language-server/warm-up.conf';
const URI = 'file:///keepalived-language-server/warm-up.conf';

/** No files: the sample includes nothing, and the warm-up never touches the disk. */
export const noFiles: FileAccess = {
  stat: () => ({ kind: 'missing', size: 0, executable: false }),
  readFile: () => ({ error: 'not available during warm-up' }),
  readDir: () => undefined,
};

/** A configuration with the usual blocks (and a few mistakes, so findings are made too). */
export function warmUpSample(copies = 8): string {
  const out = ['global_defs {', '    router_id warm_up', '    enable_script_security', '    script_user root', '}', ''];
  for (let i = 0; i < copies; i++) {
    out.push(
      `vrrp_script chk_${i} {`,
      `    script "/usr/bin/test -f /run/up-${i}"`,
      '    interval 2',
      '    weight -20',
      '    fall 2',
      '}',
      `vrrp_instance VI_${i} {`,
      `    state ${i % 2 ? 'BACKUP' : 'MASTER'}`,
      '    interface eth0',
      `    virtual_router_id ${i + 1}`,
      `    priority ${100 + i}`,
      '    advert_int 1',
      '    authentication {',
      '        auth_type PASS',
      `        auth_pass pw${i}`,
      '    }',
      '    virtual_ipaddress {',
      `        192.0.2.${i + 1}/24 dev eth0`,
      '    }',
      '    track_script {',
      `        chk_${i}`,
      '    }',
      '}',
      `virtual_server 192.0.2.${i + 1} 80 {`,
      '    delay_loop 6',
      '    lb_algo rr',
      '    lb_kind NAT',
      '    protocol TCP',
      `    perssisstence_timeout 5${i}`,
      `    real_server 198.51.100.${i + 1} 8080 {`,
      '        weight 1',
      '        HTTP_GET {',
      '            url {',
      '                path /health',
      '                status_code 200',
      '            }',
      '            connect_timeout 3',
      '            delay_beefore_retry 2',
      '        }',
      '    }',
      '}',
      '',
    );
  }
  return out.join('\n');
}

/**
 * Runs the warm-up in slices (`defer` schedules the next one; setImmediate in the server) and
 * calls `done` at the end. Errors end it quietly: it only exists to make later work faster.
 */
export function warmUp(defer: (step: () => void) => void, done: () => void = () => undefined, rounds = WARM_UP_ROUNDS): void {
  let text = warmUpSample();
  const opts = { fs: noFiles };
  let parse: ParseResult | undefined;
  // Linted as the editor lints a document: with a block cache, so that path is warm too.
  const cache = new BlockCache();
  const lintOpts = {};
  let round = 0;
  let at = 0;
  const step = (): void => {
    try {
      if (round >= rounds) return done();
      if (!parse) parse = parseText(PATH, text, opts);
      else {
        // Type a character into a line, then take it out again, as an editor would send it.
        if (round % 2) at = text.indexOf('\n', (round * 7919) % text.length) + 5;
        text = round % 2 ? `${text.slice(0, at)}x${text.slice(at)}` : text.slice(0, at) + text.slice(at + 1);
        parse = reparseText(parse, PATH, text, opts);
      }
      diagnosticsForDocument(parse, lintParse(parse, lintOpts, cache), URI);
      round++;
    } catch {
      return done();
    }
    defer(step);
  };
  defer(step);
}
