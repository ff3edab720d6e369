import { atLeast } from '../../grammar/index';
import { nodeModel, normAddr, usable, type Vip } from '../peer/model';
import { defineRule } from '../types';

/** The count field of a VRRP advert is one byte wide (VRRP_MAX_ADDR). */
const MAX_FIELD = 255;
/** keepalived's DEFAULT_MTU, and the MTU of nearly every Ethernet interface. */
const MTU = 1500;
/** Ethernet, IPv6 and VRRP headers of an IPv6 advert (vrrp_complete_instance, vrrp.c, 2.2.7). */
const IPV6_HEADERS = 14 + 40 + 8;
/** IPv6 addresses that fit in one advert at MTU 1500: 89. */
const IPV6_AT_MTU = Math.floor((MTU - IPV6_HEADERS) / 16);

/**
 * The VIPs keepalived keeps in an instance's advert list, in order: those of the instance's family
 * (it ignores the others); from 2.3.3 not a second copy of one, nor one that an excluded VIP already
 * holds (vip_is_duplicate). Excluded VIPs are taken whatever their place (keepalived drops a later
 * excluded copy instead, so this can only count fewer), and whatever their interface. Words whose
 * value varies are left out: they cannot be counted.
 */
function advertised(vips: readonly Vip[], excluded: readonly Vip[], family: number, dedupe: boolean): Vip[] {
  if (!dedupe) return vips.filter((v) => v.family === family);
  const seen = new Set(excluded.filter((v) => v.family === family).map((v) => normAddr(v.addr)));
  const out: Vip[] = [];
  for (const v of vips) {
    if (v.family !== family) continue;
    const key = normAddr(v.addr);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

/** More VIPs than one VRRP advert can carry. */
export default defineRule({
  id: 'vrrp-vip-count',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description:
    'vrrp_instance with more virtual IP addresses than one advert can carry (255, or 89 IPv6 addresses at MTU 1500).',
  messages: {
    field:
      '({name}) has {count} virtual IP addresses, but an advert carries at most {max}; keepalived moves the {excess} from this one on to the excluded VIPs, which it never advertises.',
    mtu: '({name}) has {count} IPv6 virtual IP addresses, but an advert on an interface with MTU 1500 carries at most {max}; keepalived moves the {excess} from this one on to the excluded VIPs, which it never advertises.',
  },
  check(ctx) {
    const dedupe = atLeast(ctx.targetVersion, '2.3.3');
    for (const i of nodeModel(ctx.parse).instances) {
      if (!usable(i)) continue;
      const kept = advertised(i.vips, i.excluded, i.family, dedupe);
      // The interface's MTU bounds an IPv6 advert below the count field (an IPv4 one only below
      // MTU 1070).
      const v6 = i.family === 6;
      const max = v6 ? IPV6_AT_MTU : MAX_FIELD;
      if (kept.length <= max) continue;
      ctx.report({
        loc: kept[max]!.word,
        messageId: v6 ? 'mtu' : 'field',
        data: { name: i.name, count: kept.length, max, excess: kept.length - max },
        // A larger MTU (jumbo frames) fits more IPv6 addresses, up to the count field's 255: which
        // MTU the interface has is the host's to know.
        severity: v6 && kept.length <= MAX_FIELD ? 'warning' : undefined,
      });
    }
  },
});
