import { defineRule } from '../types';
import { checkUnsigned } from '../values';

/**
 * quorum and quorum_max lines of a vrrp_track_process that keepalived refuses, as it reads them in
 * order (vrrp_tprocess_quorum_handler, vrrp_tprocess_quorum_max_handler, vrrp_parser.c, 2.2.7):
 * quorum starts at 1 and quorum_max unbounded, a quorum above the current quorum_max is refused,
 * and so is a quorum_max below the current quorum (0 is allowed while quorum is 1: it means "the
 * process must not run").
 */
export default defineRule({
  id: 'track-process-quorum',
  meta: { severity: 'error', fixable: false, category: 'semantic', scope: 'block' },
  description:
    'vrrp_track_process quorum above its quorum_max, or quorum_max below its quorum; keepalived ignores the line.',
  messages: {
    quorum:
      'quorum {value} is greater than quorum_max {max}; keepalived ignores it ("Quorum is greater than quorum_max").',
    quorumMax:
      'quorum_max {value} is less than quorum {quorum}; keepalived ignores it ("quorum_max is less than quorum").',
  },
  check(ctx) {
    for (const s of ctx.parse.body) {
      if (!s.spec || s.keyword.text !== 'vrrp_track_process' || s.skipped) continue;
      let quorum = 1;
      let max = Infinity;
      for (const c of s.children ?? []) {
        const w = c.args[0];
        if (!c.spec || !w || w.opaque) continue;
        if (c.keyword.text === 'quorum') {
          // Values out of range are invalid-number's; keepalived ignores them.
          if (checkUnsigned(w.text, 1, 65535)) continue;
          const v = Number(w.text.trim());
          if (v > max) ctx.report({ loc: w, messageId: 'quorum', data: { value: v, max } });
          else quorum = v;
        } else if (c.keyword.text === 'quorum_max') {
          if (checkUnsigned(w.text, 0, 65535)) continue;
          const v = Number(w.text.trim() || '0');
          if ((v || quorum > 1) && v < quorum) {
            ctx.report({ loc: w, messageId: 'quorumMax', data: { value: v, quorum } });
            continue;
          }
          max = v;
          if (v === 0) quorum = 0;
          else if (!quorum) quorum = 1;
        }
      }
    }
  },
});
