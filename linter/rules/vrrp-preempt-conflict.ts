import type { Word } from '../../grammar/index';
import { nodeModel, startState, strictMode, usable } from '../peer/model';
import { decimalValue } from '../values';
import { child, defineRule, lineLoc } from '../types';

/**
 * The delay keepalived keeps from a preempt_delay word, in microseconds (vrrp_preempt_delay_handler,
 * 2.2.7: a decimal of 0..1000 s read with ignore_error, which stores 0 when it fails, and what the
 * word's numeric start gives otherwise: `5s` is 5 µs). A word that varies counts as a delay.
 */
function preemptDelayUs(w: Word | undefined): number {
  if (!w) return 0;
  if (w.opaque) return 1;
  return decimalValue(w.text, 0, 1000, 6, true) ?? 0;
}

/** nopreempt / preempt_delay / timer_expired_backup settings keepalived resets. */
export default defineRule({
  id: 'vrrp-preempt-conflict',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description:
    'nopreempt with priority 255 or state MASTER, preempt_delay with state MASTER or nopreempt, timer_expired_backup without nopreempt.',
  messages: {
    ownerNopreempt: '({name}) nopreempt is incompatible with priority 255; keepalived resets nopreempt.',
    masterNopreempt:
      '({name}) nopreempt does not work with initial state MASTER; keepalived clears it. Use state BACKUP on every node with nopreempt.',
    masterDelay:
      '({name}) preempt_delay does not work with initial state MASTER; keepalived clears it. Use state BACKUP.',
    strictDelay: '({name}) preempt_delay is incompatible with vrrp_strict; keepalived resets it.',
    nopreemptDelay: '({name}) preempt_delay is incompatible with nopreempt; keepalived resets preempt_delay.',
    expiredBackup: '({name}) timer_expired_backup requires nopreempt; keepalived resets it.',
  },
  check(ctx) {
    const m = nodeModel(ctx.parse);
    for (const i of m.instances) {
      if (!usable(i)) continue;
      const data = { name: i.name };
      let nopreempt = i.nopreempt;
      let delay = i.preemptDelay && preemptDelayUs(i.preemptDelay.args[0]) !== 0 ? i.preemptDelay : undefined;
      // Without a state line an address owner starts as MASTER.
      const master = startState(i) === 'MASTER';
      if (nopreempt && i.priority === 255) {
        ctx.report({ loc: lineLoc(nopreempt), messageId: 'ownerNopreempt', data });
        nopreempt = undefined;
      }
      if (nopreempt && master) {
        ctx.report({ loc: lineLoc(nopreempt), messageId: 'masterNopreempt', data });
        nopreempt = undefined;
      }
      if (delay && master) {
        ctx.report({ loc: lineLoc(delay), messageId: 'masterDelay', data });
        delay = undefined;
      }
      if (delay && strictMode(m, i)) {
        ctx.report({ loc: lineLoc(delay), messageId: 'strictDelay', data });
        delay = undefined;
      }
      if (delay && nopreempt) ctx.report({ loc: lineLoc(delay), messageId: 'nopreemptDelay', data });
      const expired = child(i.stmt, 'timer_expired_backup');
      if (expired && !nopreempt) ctx.report({ loc: lineLoc(expired), messageId: 'expiredBackup', data });
    }
  },
});
