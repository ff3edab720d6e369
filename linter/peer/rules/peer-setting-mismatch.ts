import { atLeast, type Loc } from '../../../grammar/index';
import { definePeerRule } from '../../types';
import { reportAt, settingLoc, sharedRouters } from '../helpers';
import { advertInterval, authenticationOf, multicastGroup, normAddr, type Authentication, type Vip } from '../model';
import { vipSet, type Member, type VirtualRouter } from '../routers';
import { cutAtBytes, plainDigits, splitPrefix } from '../../values';

/** How a difference between members is reported: the message, and a severity other than the rule's. */
interface Verdict {
  messageId: string;
  severity?: 'warning';
}

interface Setting {
  messageId: string;
  value: (m: Member) => string | undefined;
  /** The value as the messages show it (default: `value`). */
  shown?: (m: Member) => string;
  /** Where to report for `m` (`others`: the members it differs from; absent for related locations). */
  loc: (m: Member, others?: Member[]) => Loc;
  /** The verdict on a difference between `m` and `others`; undefined: not reported. */
  verdict?: (router: VirtualRouter, m: Member, others: Member[]) => Verdict | undefined;
}

/**
 * keepalived up to 2.3.2 drops an advert whose VIPs differ from its own (count or addresses,
 * vrrp_check_packet); from 2.3.3 on it takes the advert and logs the mismatch.
 */
const dropsOtherVips = (m: Member): boolean => !atLeast(m.model.parse.targetVersion, '2.3.3');

/**
 * A VIP's prefix length as keepalived adds the address: the one written, else the whole address
 * (/32, /128). Undefined when it cannot be read (invalid-address reports that).
 */
function prefixOf(v: Vip): number | undefined {
  const { prefix } = splitPrefix(v.word.text);
  if (prefix === undefined) return v.family === 6 ? 128 : 32;
  const n = plainDigits(prefix);
  return n === -1 ? undefined : n;
}

/** A member's VIPs of its family with their prefix lengths (`10.0.0.1/24`), sorted. */
function vipPrefixes(m: Member): string | undefined {
  const out: string[] = [];
  for (const v of m.inst.vips) {
    if (v.family !== m.inst.family) continue;
    const len = prefixOf(v);
    if (len === undefined) return undefined;
    out.push(`${normAddr(v.addr)}/${len}`);
  }
  return out.sort().join(', ');
}

/** Whether two members hold the same VIP addresses (prefixes aside). */
const sameVips = (a: Member, b: Member): boolean => {
  const x = vipSet(a.inst);
  const y = vipSet(b.inst);
  return x.size === y.size && [...x].every((v) => y.has(v));
};

/** Whether two members both hold VIPs and share none of them. */
const disjointVips = (a: Member, b: Member): boolean => {
  const x = vipSet(a.inst);
  const y = vipSet(b.inst);
  return x.size > 0 && y.size > 0 && ![...x].some((v) => y.has(v));
};

/** Why keepalived clears a configured authentication, as the messages say it. */
const CLEARED: Record<NonNullable<Authentication['cleared']>, string> = {
  strict: 'vrrp_strict ignores it',
  version3: 'VRRPv3 ignores it',
  'no-pass': 'no auth_pass',
  'ah-ipv6': 'AH is not used with IPv6',
};

const SETTINGS: Setting[] = [
  {
    messageId: 'vips',
    value: (m) => [...vipSet(m.inst)].sort().join(', ') || 'none',
    // For a node's own finding, the first of its VIPs that another node lacks; when it holds none
    // of those (it lacks one of theirs), its virtual_ipaddress line, where the missing one goes.
    loc: (m, others) => {
      const lacking = others?.map((o) => vipSet(o.inst));
      const differs =
        lacking &&
        m.inst.vips.find((v) => v.family === m.inst.family && lacking.some((set) => !set.has(normAddr(v.addr))));
      return differs?.word ?? m.inst.vipBlock?.keyword ?? m.inst.nameLoc;
    },
    // Different VIP sets may be intended (an address only one node should carry) where keepalived
    // takes the adverts; where it drops them, the brain splits. Sets that share no address at all
    // make a failover move none of the MASTER's addresses (no redundancy): said so, as a warning
    // too, since the nodes may be grouped by a shared instance name alone (see routers.ts).
    verdict: (_r, m, others) =>
      [m, ...others].some(dropsOtherVips)
        ? { messageId: 'vipsDropped' }
        : others.every((o) => disjointVips(m, o))
          ? { messageId: 'vipsDisjoint', severity: 'warning' }
          : { messageId: 'vips', severity: 'warning' },
  },
  {
    // The adverts carry addresses without prefixes, so the nodes agree; but each adds the VIP with
    // its own prefix length, so the subnet route and broadcast address move with the MASTER.
    messageId: 'vipPrefix',
    value: vipPrefixes,
    loc: (m, others) => {
      const theirs = new Set(others?.map(vipPrefixes));
      const differs = m.inst.vips.find(
        (v) =>
          v.family === m.inst.family &&
          [...theirs].some((t) => !t?.split(', ').includes(`${normAddr(v.addr)}/${prefixOf(v)}`)),
      );
      return differs?.word ?? m.inst.vipBlock?.keyword ?? m.inst.nameLoc;
    },
    verdict: (_r, m, others) =>
      others.every((o) => sameVips(m, o)) ? { messageId: 'vipPrefix', severity: 'warning' } : undefined,
  },
  {
    messageId: 'advertInt',
    // What the adverts carry (advert_int 1 and 1.2 are both 1 s in VRRPv2).
    value: (m) => {
      const us = advertInterval(m.inst);
      return us === undefined ? undefined : String(us / 1e6);
    },
    loc: (m) => m.inst.advertInt ?? m.inst.nameLoc,
    // VRRPv2 drops an advert with another interval; a VRRPv3 backup takes the MASTER's interval
    // (RFC 5798). Members of different versions are reported as such.
    verdict: (r) =>
      new Set(r.members.map((x) => x.inst.version)).size > 1
        ? undefined
        : r.members[0]!.inst.version === 3
          ? { messageId: 'advertIntV3', severity: 'warning' }
          : { messageId: 'advertInt' },
  },
  { messageId: 'version', value: (m) => String(m.inst.version), loc: (m) => settingLoc(m, m.inst.versionStmt) },
  {
    // An instance binds its socket to its group and hears nothing else. Only multicast members
    // are compared: unicast ones, and a mix, are peer-unicast-mismatch's.
    messageId: 'mcastGroup',
    value: (m) => (m.inst.peers.length ? undefined : multicastGroup(m.model, m.inst)?.addr),
    shown: (m) => multicastGroup(m.model, m.inst)!.text,
    loc: (m) => multicastGroup(m.model, m.inst)?.word ?? m.inst.nameLoc,
  },
  {
    messageId: 'authType',
    // VRRPv3 carries no authentication: members of another version are reported as such.
    value: (m) => (m.inst.version === 3 ? undefined : authenticationOf(m.model, m.inst)?.type),
    shown: (m) => {
      const a = authenticationOf(m.model, m.inst)!;
      return a.cleared ? `none (${CLEARED[a.cleared]})` : a.type;
    },
    loc: (m) => m.inst.authType ?? m.inst.authBlock?.keyword ?? m.inst.nameLoc,
  },
  {
    messageId: 'authPass',
    value: (m) => {
      const a = m.inst.version === 3 ? undefined : authenticationOf(m.model, m.inst);
      return a?.pass ? cutAtBytes(a.pass.text, 8, m.model.parse.files[a.pass.file]!.encoding).bytes : undefined;
    },
    loc: (m) => authenticationOf(m.model, m.inst)?.pass ?? m.inst.nameLoc,
  },
];

/** Members of one virtual router whose VIPs, advert_int, version, multicast group or authentication differ. */
export default definePeerRule({
  id: 'peer-setting-mismatch',
  meta: { severity: 'error', fixable: false, category: 'peer' },
  description:
    "VIP set (or the VIPs' prefix lengths), advert_int, version, multicast group or authentication that differ between the nodes of one virtual router.",
  messages: {
    vips: '({name}) virtual router {vrid}: the VIPs on {node} ({value}) differ from {others}; after a failover the new MASTER holds other addresses.',
    vipsDisjoint:
      "({name}) virtual router {vrid}: the VIPs on {node} ({value}) share no address with {others}; a failover moves none of the MASTER's addresses, so the service has no backup. Give the nodes the same VIPs.",
    vipsDropped:
      '({name}) virtual router {vrid}: the VIPs on {node} ({value}) differ from {others}; keepalived before 2.3.3 drops adverts whose addresses differ from its own, so both nodes become MASTER.',
    vipPrefix:
      '({name}) virtual router {vrid}: the VIP prefix lengths on {node} ({value}) differ from {others}; the adverts agree, but after a failover the new MASTER adds the address with another netmask (another subnet route and broadcast address).',
    advertInt:
      '({name}) virtual router {vrid}: advert_int {value} on {node} differs from {others}; VRRPv2 drops adverts with another interval, so both nodes become MASTER.',
    advertIntV3:
      "({name}) virtual router {vrid}: advert_int {value} on {node} differs from {others}; a VRRPv3 backup takes the MASTER's interval, so the interval changes with each failover (keepalived 2.3.3 and later log the mismatch).",
    mcastGroup:
      "({name}) virtual router {vrid}: multicast group {value} on {node} differs from {others}; each node hears only the group it sends to, so the nodes never see each other's adverts and both become MASTER.",
    version:
      "({name}) virtual router {vrid}: VRRP version {value} on {node} differs from {others}; the nodes do not understand each other's adverts and both become MASTER.",
    authType:
      "({name}) virtual router {vrid}: authentication {value} on {node} differs from {others}; the nodes drop each other's adverts and both become MASTER.",
    authPass:
      "({name}) virtual router {vrid}: auth_pass on {node} differs from {others} (keepalived compares the first 8 bytes); the nodes drop each other's adverts and both become MASTER.",
    other: '{node}: {value}',
    otherNode: '{node}',
  },
  checkPeers(ctx) {
    for (const router of sharedRouters(ctx.nodes)) {
      for (const s of SETTINGS) {
        const values = router.members.map((m) => s.value(m));
        if (values.some((v) => v === undefined) || new Set(values).size < 2) continue;
        // Passwords only matter between nodes that agree on the authentication type.
        if (
          s.messageId === 'authPass' &&
          new Set(router.members.map((m) => authenticationOf(m.model, m.inst)?.type)).size > 1
        )
          continue;
        router.members.forEach((m, i) => {
          const others = router.members.filter((o, j) => o.node !== m.node && values[j] !== values[i]);
          if (!others.length) return;
          const verdict = s.verdict ? s.verdict(router, m, others) : { messageId: s.messageId };
          if (!verdict) return;
          // The value of member j as the messages show it (passwords are not shown).
          const shown = (j: number): string =>
            s.messageId === 'authPass' ? '' : (s.shown?.(router.members[j]!) ?? values[j]!);
          reportAt(
            ctx,
            m,
            {
              loc: s.loc(m, others),
              messageId: verdict.messageId,
              data: {
                name: m.inst.name,
                vrid: router.vrid,
                node: m.node.name,
                value: shown(i),
                others: others
                  .map((o) =>
                    s.messageId === 'authPass' ? o.node.name : `${o.node.name} (${shown(router.members.indexOf(o))})`,
                  )
                  .join(', '),
              },
              severity: verdict.severity,
            },
            others.map((o) => ({
              member: o,
              loc: s.loc(o),
              messageId: s.messageId === 'authPass' ? 'otherNode' : 'other',
              data: { node: o.node.name, value: shown(router.members.indexOf(o)) },
            })),
          );
        });
      }
    }
  },
});
