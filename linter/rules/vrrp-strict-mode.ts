import type { Statement, Word } from '../../grammar/index';
import { intOf, lastUnsignedLine, nodeModel, normAddr, strictMode, usable, type Instance } from '../peer/model';
import { childrenNamed, defineRule } from '../types';
import { checkTrueFalse, checkUnsigned } from '../values';
import { readVmac } from '../vmac';

/** The last line of a keyword that keepalived accepts, with the value it reads from it. */
function lastAccepted<T>(
  i: Instance,
  keyword: string,
  read: (w: Word | undefined) => T | undefined,
): { stmt: Statement; value: T } | undefined {
  let found: { stmt: Statement; value: T } | undefined;
  for (const s of childrenNamed(i.stmt, keyword)) {
    if (s.args[0]?.opaque) return undefined;
    const value = read(s.args[0]);
    if (value !== undefined) found = { stmt: s, value };
  }
  return found;
}

/** An unsigned number in a range, as read_unsigned_strvec reads it. */
const unsigned =
  (min: number, max: number) =>
  (w: Word | undefined): number | undefined =>
    w && !checkUnsigned(w.text, min, max) ? Number(w.text.trim() || '0') : undefined;

/** An optional boolean (check_true_false; no word is true). */
const bool = (w: Word | undefined): boolean | undefined => checkTrueFalse(w?.text);

/** IN6_IS_ADDR_LINKLOCAL: fe80::/10. */
const linkLocal = (addr: string): boolean => (parseInt(normAddr(addr).split(':')[0]!, 16) & 0xffc0) === 0xfe80;

/** Where a finding about a line goes: its first word after the keyword, else the keyword. */
const at = (s: Statement): Word => s.args[0] ?? s.keyword;

/**
 * vrrp_instance settings that strict mode (global_defs vrrp_strict, or the instance's strict_mode)
 * resets or refuses when keepalived completes the instance (vrrp_complete_instance, vrrp.c, 2.2.7).
 * Authentication, preempt_delay, a missing VIP and version 2 with IPv6 are the rules of those settings.
 */
export default defineRule({
  id: 'vrrp-strict-mode',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description:
    'vrrp_instance settings that strict mode (vrrp_strict, strict_mode) resets: state MASTER without priority 255 (or BACKUP with it), a VMAC MAC address, vmac_xmit_base, down_timer_adverts, accept with VRRPv2, lower-priority GARP repeats, lower_prio_no_advert off, higher_prio_send_advert, no_virtual_ipaddress, an IPv6 instance whose first VIP is not link-local.',
  messages: {
    masterNotOwner:
      '({name}) state MASTER without priority 255 in strict mode ("State MASTER must match being address owner"); keepalived starts the instance as BACKUP.',
    ownerNotMaster:
      '({name}) initial state BACKUP with priority 255 in strict mode ("State MASTER must match being address owner"); an address owner starts as MASTER, and keepalived makes it MASTER.',
    vmacMac: '({name}) a VMAC MAC address cannot be given in strict mode; keepalived clears it.',
    xmitBase: '({name}) vmac_xmit_base is incompatible with strict mode; keepalived resets it.',
    downTimer: '({name}) down_timer_adverts {value} is incompatible with strict mode; keepalived resets it to 3.',
    downTimerGlobal:
      '({name}) takes down_timer_adverts {value} from global_defs vrrp_down_timer_adverts, which is incompatible with strict mode; keepalived resets it to 3.',
    accept:
      '({name}) accept mode with VRRP version 2 does not comply with RFC 3768, and strict mode requires that; keepalived resets it (only an address owner, priority 255, accepts).',
    garpRepeat:
      '({name}) strict mode requires no repeat GARPs at a lower priority; keepalived resets garp_lower_prio_repeat to 0.',
    garpDelay:
      '({name}) strict mode requires no repeat GARP delay at a lower priority; keepalived resets garp_lower_prio_delay to 0.',
    lowerPrio: '({name}) strict mode requires lower_prio_no_advert; keepalived turns it back on.',
    higherPrio: '({name}) strict mode requires higher_prio_send_advert to be off; keepalived turns it off.',
    noVip: '({name}) no_virtual_ipaddress and strict mode are incompatible; keepalived clears no_virtual_ipaddress.',
    linkLocal:
      '({name}) in strict mode the first IPv6 VIP must be link-local (fe80::/10), as RFC 5798 requires; list a link-local address first.',
  },
  check(ctx) {
    const m = nodeModel(ctx.parse);
    // global_defs vrrp_down_timer_adverts: the last value keepalived accepts (1..100); unknown when it varies.
    let globalDown: number | undefined;
    for (const g of m.globalDefs) {
      const line = lastUnsignedLine(g, 'vrrp_down_timer_adverts', 1, 100);
      if (line) globalDown = line.args[0]!.opaque ? undefined : (intOf(line.args[0]) ?? 0);
    }
    for (const i of m.instances) {
      if (!usable(i) || !strictMode(m, i)) continue;
      const data = { name: i.name };
      // Checked in this order by vrrp_complete_instance.
      // The state the lines set (an unknown one is BACKUP), against being the address owner.
      const state = i.stateStmt?.args[0];
      if (state && i.initialState === 'MASTER' && i.priority !== 255)
        ctx.report({ loc: state, messageId: 'masterNotOwner', data });
      else if (state && i.initialState === 'BACKUP' && i.priority === 255)
        ctx.report({ loc: state, messageId: 'ownerNotMaster', data });
      const vmacLines = childrenNamed(i.stmt, 'use_vmac');
      const mac = readVmac(vmacLines).find((v) => v.kind === 'mac' && !v.problem);
      if (mac) ctx.report({ loc: mac.word, messageId: 'vmacMac', data });
      // IPv6 over multicast: RFC 5798 wants the link-local address first.
      const first = i.vips.find((v) => v.family === i.family);
      if (i.family === 6 && !i.peers.length && first && !linkLocal(first.addr))
        ctx.report({ loc: first.word, messageId: 'linkLocal', data });
      const down = lastAccepted(i, 'down_timer_adverts', unsigned(1, 100));
      if (down && down.value !== 3)
        ctx.report({ loc: at(down.stmt), messageId: 'downTimer', data: { ...data, value: down.value } });
      // Without a line of its own an instance starts from global_defs vrrp_down_timer_adverts, which
      // the parent process has read before the VRRP process reads any instance (alloc_vrrp).
      else if (!down && globalDown !== undefined && globalDown !== 3)
        ctx.report({ loc: i.nameLoc, messageId: 'downTimerGlobal', data: { ...data, value: globalDown } });
      // accept / no_accept: the last one counts; unset, strict mode leaves it off below priority 255.
      let accept: Statement | undefined;
      for (const c of i.stmt.children ?? []) {
        if (!c.spec) continue;
        if (c.keyword.text === 'accept') accept = c;
        else if (c.keyword.text === 'no_accept') accept = undefined;
      }
      if (accept && i.priority !== 255 && i.version === 2)
        ctx.report({ loc: accept.keyword, messageId: 'accept', data });
      const repeat = lastAccepted(i, 'garp_lower_prio_repeat', unsigned(0, 2147483647));
      if (repeat && repeat.value !== 0) ctx.report({ loc: at(repeat.stmt), messageId: 'garpRepeat', data });
      const delay = lastAccepted(i, 'garp_lower_prio_delay', unsigned(0, 4294));
      if (delay && delay.value !== 0) ctx.report({ loc: at(delay.stmt), messageId: 'garpDelay', data });
      const lower = lastAccepted(i, 'lower_prio_no_advert', bool);
      if (lower && !lower.value) ctx.report({ loc: at(lower.stmt), messageId: 'lowerPrio', data });
      const higher = lastAccepted(i, 'higher_prio_send_advert', bool);
      if (higher?.value) ctx.report({ loc: at(higher.stmt), messageId: 'higherPrio', data });
      const xmit = childrenNamed(i.stmt, 'vmac_xmit_base')[0];
      if (xmit && vmacLines.length) ctx.report({ loc: xmit.keyword, messageId: 'xmitBase', data });
      const noVip = childrenNamed(i.stmt, 'no_virtual_ipaddress')[0];
      if (noVip) ctx.report({ loc: noVip.keyword, messageId: 'noVip', data, severity: 'warning' });
    }
  },
});
