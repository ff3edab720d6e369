import type { Loc } from '../../../grammar/index';
import { definePeerRule } from '../../types';
import { reportAt, settingLoc, sharedRouters } from '../helpers';
import { vipSet, type Member } from '../routers';
import { cutAtBytes } from '../../values';

interface Setting {
  messageId: string;
  value: (m: Member) => string | undefined;
  loc: (m: Member) => Loc;
}

const SETTINGS: Setting[] = [
  {
    messageId: 'vips',
    value: (m) => [...vipSet(m.inst)].sort().join(', ') || 'none',
    loc: (m) => (m.inst.vipBlock ? m.inst.vipBlock.keyword : m.inst.nameLoc),
  },
  {
    messageId: 'advertInt',
    value: (m) => {
      const v = Number(m.inst.advertInt?.text ?? '1');
      return Number.isFinite(v) ? String(v) : undefined;
    },
    loc: (m) => m.inst.advertInt ?? m.inst.nameLoc,
  },
  { messageId: 'version', value: (m) => String(m.inst.version), loc: (m) => settingLoc(m, m.inst.versionStmt) },
  {
    messageId: 'authType',
    // VRRPv3 ignores authentication altogether.
    value: (m) => (m.inst.version === 3 ? undefined : (m.inst.authType?.text ?? 'none')),
    loc: (m) => m.inst.authType ?? m.inst.authBlock?.keyword ?? m.inst.nameLoc,
  },
  {
    messageId: 'authPass',
    value: (m) =>
      m.inst.version === 3 || !m.inst.authType || !m.inst.authPass
        ? undefined
        : cutAtBytes(m.inst.authPass.text, 8, m.model.parse.files[m.inst.authPass.file]!.encoding).bytes,
    loc: (m) => m.inst.authPass ?? m.inst.nameLoc,
  },
];

/** Members of one virtual router whose VIPs, advert_int, version or authentication differ. */
export default definePeerRule({
  id: 'peer-setting-mismatch',
  meta: { severity: 'error', fixable: false, category: 'peer' },
  description: 'VIP set, advert_int, version or authentication that differ between the nodes of one virtual router.',
  messages: {
    vips: '({name}) virtual router {vrid}: the VIPs on {node} ({value}) differ from {others}; after a failover the new MASTER holds other addresses.',
    advertInt:
      '({name}) virtual router {vrid}: advert_int {value} on {node} differs from {others}; VRRP drops adverts with another interval, so both nodes become MASTER.',
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
        if (s.messageId === 'authPass' && new Set(router.members.map((m) => m.inst.authType?.text)).size > 1) continue;
        router.members.forEach((m, i) => {
          const others = router.members.filter((o, j) => o.node !== m.node && values[j] !== values[i]);
          if (!others.length) return;
          const shown = (v: string): string => (s.messageId === 'authPass' ? '' : v);
          reportAt(
            ctx,
            m,
            {
              loc: s.loc(m),
              messageId: s.messageId,
              data: {
                name: m.inst.name,
                vrid: router.vrid,
                node: m.node.name,
                value: shown(values[i]!),
                others: others
                  .map((o) =>
                    s.messageId === 'authPass' ? o.node.name : `${o.node.name} (${values[router.members.indexOf(o)]})`,
                  )
                  .join(', '),
              },
              // Different VIP sets may be intended (an address only one node should carry); the rest splits the brain.
              severity: s.messageId === 'vips' ? 'warning' : undefined,
            },
            others.map((o) => ({
              member: o,
              loc: s.loc(o),
              messageId: s.messageId === 'authPass' ? 'otherNode' : 'other',
              data: { node: o.node.name, value: shown(values[router.members.indexOf(o)]!) },
            })),
          );
        });
      }
    }
  },
});
