// Every seed file as it is, and in the encodings and line-end styles users have: each must keep
// every invariant of the fuzz oracle (parse and lint without throwing, in bounded time, ranges
// inside the files; --fix converges and keeps comments; formatting is idempotent and keeps every
// word and comment).
import { describe, expect, it } from 'vitest';
import { assertClean, knownHits, seeds, skippedSeedSets } from './config';

const variants: Array<[string, (b: Uint8Array) => Uint8Array]> = [
  ['as is', (b) => b],
  ['CRLF', (b) => new Uint8Array(Buffer.from(Buffer.from(b).toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1'))],
  ['BOM', (b) => new Uint8Array([0xef, 0xbb, 0xbf, ...b])],
  ['no final newline', (b) => b.subarray(0, b.length && b[b.length - 1] === 10 ? b.length - 1 : b.length)],
  ['Latin-1 (a stray 0xff in a comment)', (b) => new Uint8Array([...Buffer.from('# \xff\n', 'latin1'), ...b])],
];

describe('seed files', () => {
  it('are found', () => {
    if (skippedSeedSets.length) console.warn(`fuzz: seed sets absent, skipped: ${skippedSeedSets.join(', ')}`);
    expect(seeds.length).toBeGreaterThan(0);
  });

  for (const [name, variant] of variants) {
    it(`keep every invariant (${name})`, { timeout: 120_000 }, () => {
      for (const s of seeds) {
        try {
          assertClean({ root: variant(s.bytes) });
        } catch (e) {
          throw new Error(`${s.name}: ${(e as Error).message}`);
        }
      }
    });
  }

  it('keep every invariant on a global_defs whose value block lacks its "{" after a derailed block (fuzz seed 20261128 case 8116)', () => {
    // The other processes' reading of the lines after such a global_defs found an extra "}" where the
    // parent's found a missing one: --fix added and removed it in turn. It folds into the parent's
    // cascade now.
    const text =
      'global_defs {\n  notification_email {\n    }\nl_server 10.0.0.22 53 {\n        UDP_CHECK {\n            min_reply_length 200\n        }\n    }\n\nglobal_defs {\n  notification_email\n    }\n';
    assertClean({ root: new Uint8Array(Buffer.from(text)) });
  });

  it('report known bugs only as known', () => {
    // Informational: how often the inputs above hit a bug written up in test/ROBUSTNESS-BUGS.md.
    if (knownHits.size) console.info(`fuzz: known bugs hit: ${[...knownHits].map(([k, n]) => `${k}×${n}`).join(', ')}`);
  });
});
