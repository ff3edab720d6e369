import type { Loc, Statement, Word } from '../../../grammar/index';
import { lineLoc, spanning, type PeerNode } from '../../types';
import { definePeerRule } from '../../types';
import { ipFamily } from '../../values';
import { intOf, normAddr, type Instance } from '../model';
import { sharedRouters } from '../helpers';

/** A setting compared between the nodes: keepalived's value (its default when absent), as shown. */
interface Setting {
  value: string;
  shown: string;
  stmt: Statement | undefined;
}

/** One address-based virtual_server of a node, as the comparison needs it. */
interface Service {
  stmt: Statement;
  /** `10.0.0.100 80`, as the node's file writes it. */
  name: string;
  loc: Loc;
  /** Real servers by normalised `address port`. */
  realServers: Map<string, Statement>;
  settings: Record<'lb_kind' | 'lb_algo' | 'protocol' | 'persistence_timeout', Setting>;
}

/** The last child among `names`, in file order. */
function last(vs: Statement, names: readonly string[]): Statement | undefined {
  let found: Statement | undefined;
  for (const c of vs.children ?? []) if (c.spec && names.includes(c.keyword.text)) found = c;
  return found;
}

function setting(stmt: Statement | undefined, absent: string, shownAbsent = `${absent} (not set)`): Setting {
  const text = stmt?.args[0]?.text;
  return { value: text ?? absent, shown: text ?? shownAbsent, stmt };
}

/** `address port` in normal form: the key both nodes' services and real servers are matched by. */
const key = (addr: Word, port: Word | undefined): string => `${normAddr(addr.text)} ${intOf(port) ?? 0}`;

/** A node's address-based virtual servers by key (the first of duplicates), and whether it has any. */
function services(node: PeerNode): { byKey: Map<string, Service>; director: boolean } {
  const byKey = new Map<string, Service>();
  let director = false;
  for (const vs of node.parse.body) {
    if (!vs.spec || vs.keyword.text !== 'virtual_server') continue;
    director = true;
    const [addr, port] = vs.args;
    if (!addr || vs.args.some((w) => w.opaque) || !ipFamily(addr.text)) continue;
    const k = key(addr, port);
    if (byKey.has(k)) continue;
    const realServers = new Map<string, Statement>();
    for (const rs of vs.children ?? []) {
      const a = rs.args[0];
      if (!rs.spec || rs.keyword.text !== 'real_server' || !a || a.opaque || !ipFamily(a.text)) continue;
      const rk = key(a, rs.args[1]);
      if (!realServers.has(rk)) realServers.set(rk, rs);
    }
    // lb_kind wins over lvs_method wherever it stands (as lvs-virtual-server reads it).
    const kind = last(vs, ['lb_kind']) ?? last(vs, ['lvs_method']);
    byKey.set(k, {
      stmt: vs,
      name: vs.args.map((w) => w.text).join(' '),
      loc: spanning(addr, port),
      realServers,
      settings: {
        lb_kind: setting(kind, 'NAT'),
        lb_algo: setting(last(vs, ['lb_algo', 'lvs_sched']), 'wlc'),
        protocol: setting(last(vs, ['protocol']), 'UDP'),
        persistence_timeout: setting(last(vs, ['persistence_timeout']), '', 'not set'),
      },
    });
  }
  return { byKey, director };
}

/** Where another node holds a shared address: its VIP entry, and the VRID it holds it under. */
interface Holder {
  vip: Word;
  vrid: number;
}

/** Addresses (normal form) an instance brings up as MASTER, each with its entry. */
function held(inst: Instance): Map<string, Word> {
  const out = new Map<string, Word>();
  for (const v of [...inst.vips, ...inst.excluded]) {
    const a = normAddr(v.addr);
    if (v.family && !out.has(a)) out.set(a, v.word);
  }
  return out;
}

/** LVS services that the nodes of one virtual router do not define alike. */
export default definePeerRule({
  id: 'peer-virtual-server-mismatch',
  meta: { severity: 'warning', fixable: false, category: 'peer' },
  description:
    'A virtual_server on a VIP that another director of the same virtual router lacks, or defines with other real servers, lb_kind, lb_algo, protocol or persistence_timeout.',
  messages: {
    missing:
      'virtual_server {vs} is not on {node}, which holds {vip} too (VRID {vrid}): when {node} becomes MASTER it takes the address but balances nothing for this service.',
    realServer:
      "real_server {rs} of virtual_server {vs} is not in {node}'s: after a failover to {node} it receives no traffic.",
    setting:
      'virtual_server {vs}: {setting} is {value} here but {otherValue} on {node}, so the service behaves differently after a failover.',
    holder: '{node} holds {vip} here (VRID {vrid})',
    otherService: "{node}'s virtual_server {vs}",
    otherSetting: '{setting} {otherValue} on {node}',
  },
  checkPeers(ctx) {
    // For each ordered pair of nodes in one virtual router: the addresses both bring up, with the
    // entry of the second node that holds it.
    const shared = new Map<PeerNode, Map<PeerNode, Map<string, Holder>>>();
    for (const r of sharedRouters(ctx.nodes)) {
      for (const a of r.members) {
        const mine = held(a.inst);
        for (const b of r.members) {
          if (b.node === a.node) continue;
          let byNode = shared.get(a.node);
          if (!byNode) shared.set(a.node, (byNode = new Map()));
          let addrs = byNode.get(b.node);
          if (!addrs) byNode.set(b.node, (addrs = new Map()));
          for (const [addr, vip] of held(b.inst))
            if (mine.has(addr) && !addrs.has(addr)) addrs.set(addr, { vip, vrid: r.vrid });
        }
      }
    }
    const cache = new Map<PeerNode, ReturnType<typeof services>>();
    const of = (n: PeerNode): ReturnType<typeof services> => {
      let s = cache.get(n);
      if (!s) cache.set(n, (s = services(n)));
      return s;
    };
    for (const [a, byNode] of shared) {
      const mine = of(a);
      if (!mine.byKey.size) continue;
      for (const [b, addrs] of byNode) {
        const theirs = of(b);
        // A node without any virtual_server is no director: nothing to compare it with.
        if (!theirs.director) continue;
        for (const [k, svc] of mine.byKey) {
          const holder = addrs.get(k.slice(0, k.lastIndexOf(' ')));
          if (!holder) continue;
          const other = theirs.byKey.get(k);
          if (!other) {
            ctx.report(
              a,
              {
                loc: svc.loc,
                messageId: 'missing',
                data: { vs: svc.name, node: b.name, vip: holder.vip.text, vrid: holder.vrid },
                related: [
                  {
                    loc: holder.vip,
                    messageId: 'holder',
                    data: { node: b.name, vip: holder.vip.text, vrid: holder.vrid },
                  },
                ],
              },
              [b],
            );
            continue;
          }
          const otherRelated = { loc: other.loc, messageId: 'otherService', data: { node: b.name, vs: other.name } };
          for (const [rk, rs] of svc.realServers) {
            if (other.realServers.has(rk)) continue;
            ctx.report(
              a,
              {
                loc: lineLoc(rs),
                messageId: 'realServer',
                data: { rs: rs.args.map((w) => w.text).join(' '), vs: svc.name, node: b.name },
                related: [otherRelated],
              },
              [b],
            );
          }
          for (const name of ['lb_kind', 'lb_algo', 'protocol', 'persistence_timeout'] as const) {
            const mineSet = svc.settings[name];
            const theirSet = other.settings[name];
            if (mineSet.value === theirSet.value) continue;
            const data = {
              vs: svc.name,
              setting: name,
              value: mineSet.shown,
              otherValue: theirSet.shown,
              node: b.name,
            };
            ctx.report(
              a,
              {
                loc: mineSet.stmt ? lineLoc(mineSet.stmt) : svc.loc,
                messageId: 'setting',
                data,
                related: [
                  theirSet.stmt ? { loc: lineLoc(theirSet.stmt), messageId: 'otherSetting', data } : otherRelated,
                ],
              },
              [b],
            );
          }
        }
      }
    }
  },
});
