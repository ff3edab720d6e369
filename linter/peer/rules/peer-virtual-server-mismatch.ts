import type { Loc, Statement, Word } from '../../../grammar/index';
import { lineLoc, spanning, type PeerNode } from '../../types';
import { definePeerRule } from '../../types';
import { checkUnsigned, isInetAton, sockaddrAddress, sockaddrFamily, sockaddrWithPort } from '../../values';
import { sharedRouters } from '../helpers';
import { heldAddresses, intOf, normAddr } from '../model';

/** A value keepalived ends up with, how to show it, and the line that set it (none for a default). */
interface Setting {
  value: string;
  shown: string;
  loc: Loc | undefined;
}

const setting = (value: string, shown: string, stmt: Statement | undefined): Setting => ({
  value,
  shown,
  loc: stmt && lineLoc(stmt),
});

/** A real server of a service. */
interface RealServer {
  loc: Loc;
  /** `10.0.1.21 80`, as the node's file writes it. */
  name: string;
  /** The forwarding method it gets. */
  method: Setting;
}

/** One address-based LVS service of a node. */
interface Service {
  /** `10.0.0.100 80`, as the node's file writes it. */
  name: string;
  loc: Loc;
  /** The address in normal form, and with the port. */
  addr: string;
  endpoint: string;
  /** `endpoint PROTOCOL`: what tells services apart. */
  key: string;
  protocol: Setting;
  method: Setting;
  /** Real servers by normalised `address port` (the port keepalived uses); undefined when one is unknowable. */
  realServers: Map<string, RealServer> | undefined;
  settings: Record<'lb_algo' | 'persistence_timeout' | 'sorry_server', Setting>;
}

/** A node's LVS services. */
interface Director {
  /** Address-based services by `endpoint PROTOCOL`. */
  services: Map<string, Service>;
  /** The same, by endpoint (any protocol). */
  byEndpoint: Map<string, Service[]>;
  /** Any virtual_server at all (fwmark and group ones included). */
  any: boolean;
  /** fwmark, group or unreadable services, which may carry any address. */
  unmatched: boolean;
}

/** Whether a choice keyword's value is one keepalived accepts (it ignores the others). */
function validChoice(s: Statement): boolean {
  const w = s.args[0];
  const values = s.spec?.params?.[0]?.values;
  if (!w || w.opaque) return false;
  if (!values) return true;
  const text = w.text;
  return s.spec!.params![0]!.case_insensitive
    ? values.some((v) => v.toLowerCase() === text.toLowerCase())
    : values.includes(text);
}

/** The last valid value of any of `names` in a block (they share one handler in keepalived). */
function lastChoice(block: Statement, names: readonly string[], absent: string, upper = false): Setting {
  let found: Statement | undefined;
  for (const c of block.children ?? []) if (c.spec && names.includes(c.keyword.text) && validChoice(c)) found = c;
  if (!found) return setting(absent, `${absent} (not set)`, undefined);
  const text = found.args.map((w) => w.text).join(' ');
  return setting(upper ? text.toUpperCase() : text, text, found);
}

/**
 * Whether keepalived reads a persistence_granularity (pgr_handler): a netmask for an IPv4 service
 * (a '.' decides for a service of no address), a prefix length 1..128 for an IPv6 one. One it
 * cannot read turns no persistence on.
 */
function granularityRead(vs: Statement, a: Word | undefined): boolean {
  if (!a || a.opaque) return true;
  const addr = vs.args[0];
  const family = addr && !addr.opaque ? sockaddrFamily(addr.text) : 0;
  const af = family || (a.text.includes('.') ? 4 : 6);
  return af === 4 ? isInetAton(a.text) : !checkUnsigned(a.text, 1, 128);
}

/**
 * persistence_timeout as keepalived reads it: bare means 360, invalid values are ignored, and
 * persistence_granularity turns persistence on at 360 when no timeout is set yet.
 */
function persistence(vs: Statement): Setting {
  let set = setting('', 'not set', undefined);
  for (const c of vs.children ?? []) {
    if (!c.spec) continue;
    const kw = c.keyword.text;
    const a = c.args[0];
    if (kw === 'persistence_timeout') {
      if (!a) set = setting('360', '360', c);
      else if (!a.opaque && !checkUnsigned(a.text, 1, 2678400)) set = setting(String(intOf(a)), a.text, c);
    } else if (kw === 'persistence_granularity' && !set.loc && granularityRead(vs, a)) {
      set = setting('360', '360 (set by persistence_granularity)', c);
    }
  }
  return set;
}

/** `address port` in normal form. */
const endpoint = (addr: Word, port: number): string => `${normAddr(sockaddrAddress(addr.text))} ${port}`;

/** The last sorry_server, as an endpoint. */
function sorry(vs: Statement): Setting {
  let found: Statement | undefined;
  for (const c of vs.children ?? [])
    // One keepalived cannot read (address or port) is dropped; the one before it stays.
    if (c.spec && c.keyword.text === 'sorry_server' && c.args[0] && sockaddrWithPort(c.args[0], c.args[1])) found = c;
  if (!found) return setting('', 'not set', undefined);
  const text = found.args.map((w) => w.text).join(' ');
  return setting(endpoint(found.args[0]!, intOf(found.args[1]) ?? 0), text, found);
}

/** Reads a virtual_server block into a service (real servers are added by the caller). */
function service(vs: Statement, addr: Word, port: Word | undefined): Service {
  const at = endpoint(addr, intOf(port) ?? 0);
  const protocol = lastChoice(vs, ['protocol'], 'UDP', true);
  return {
    name: vs.args.map((w) => w.text).join(' '),
    loc: spanning(addr, port),
    addr: normAddr(sockaddrAddress(addr.text)),
    endpoint: at,
    key: `${at} ${protocol.value}`,
    protocol,
    method: lastChoice(vs, ['lb_kind', 'lvs_method'], 'NAT'),
    realServers: new Map(),
    settings: {
      lb_algo: lastChoice(vs, ['lb_algo', 'lvs_sched'], 'wlc'),
      persistence_timeout: persistence(vs),
      sorry_server: sorry(vs),
    },
  };
}

/** Adds a virtual_server block's real servers, keyed by the port keepalived ends up using. */
function addRealServers(svc: Service, vs: Statement, vsPort: number): void {
  const family = sockaddrFamily(vs.args[0]!.text);
  for (const rs of vs.children ?? []) {
    if (!rs.spec || rs.keyword.text !== 'real_server') continue;
    const a = rs.args[0];
    if (!a || rs.args.some((w) => w.opaque)) {
      svc.realServers = undefined; // a real server whose address is unknowable: compare no real servers
      return;
    }
    // keepalived skips a real server whose address or port it cannot read.
    if (!sockaddrWithPort(a, rs.args[1]) || !svc.realServers) continue;
    const own = lastChoice(rs, ['lvs_method'], '');
    const method = own.loc ? own : svc.method;
    // keepalived skips a real server of the other address family unless it is tunnelled.
    if (sockaddrFamily(a.text) !== family && !method.value.startsWith('TUN')) continue;
    // A missing or zero port is the service's; DR and TUN cannot map ports and reset it.
    let port = intOf(rs.args[1]) ?? 0;
    if (port === 0 || ((method.value.startsWith('DR') || method.value.startsWith('TUN')) && vsPort !== 0))
      port = vsPort;
    const k = endpoint(a, port);
    if (!svc.realServers.has(k))
      svc.realServers.set(k, { loc: lineLoc(rs), name: rs.args.map((w) => w.text).join(' '), method });
  }
}

/** A node's LVS services. */
function director(node: PeerNode): Director {
  const d: Director = { services: new Map(), byEndpoint: new Map(), any: false, unmatched: false };
  for (const vs of node.parse.body) {
    if (!vs.spec || vs.keyword.text !== 'virtual_server') continue;
    d.any = true;
    const [addr, port] = vs.args;
    if (!addr || vs.args.some((w) => w.opaque) || !sockaddrFamily(addr.text)) {
      d.unmatched = true;
      continue;
    }
    const fresh = service(vs, addr, port);
    // A second block for one service adds its real servers to the first (keepalived ignores
    // IPVS's "exists" error), and the first block's settings stay.
    const svc = d.services.get(fresh.key) ?? fresh;
    if (svc === fresh) {
      d.services.set(svc.key, svc);
      d.byEndpoint.set(svc.endpoint, [...(d.byEndpoint.get(svc.endpoint) ?? []), svc]);
    }
    addRealServers(svc, vs, intOf(port) ?? 0);
  }
  return d;
}

/** Where another node holds a shared address: its VIP entry, and the VRID it holds it under. */
interface Holder {
  vip: Word;
  vrid: number;
}

/**
 * How many other nodes a finding names, with their related locations: a folder of unrelated
 * sites, all on one VRID and VIP without `peers` groups, must not give messages that list them all.
 */
const NAMED = 5;

/** The nodes a finding concerns, the first NAMED by name. */
function nodeList(nodes: PeerNode[]): string {
  const names = nodes
    .slice(0, NAMED)
    .map((n) => n.name)
    .join(', ');
  return nodes.length > NAMED ? `${names} and ${nodes.length - NAMED} more` : names;
}

type Related = { loc: Loc; messageId: string; data: Record<string, string | number> };

/** A finding gathered over the other nodes: one per place and difference. */
interface Pending {
  loc: Loc;
  messageId: string;
  data: Record<string, string | number>;
  nodes: PeerNode[];
  related: Related[];
}

/**
 * The findings of one node, gathered by place and difference. `note` adds a node to a finding and
 * returns it; the caller fills in the data of a new one and adds related locations while there is room.
 */
class Findings {
  private readonly byLoc = new Map<Loc, Map<string, Pending>>();

  note(node: PeerNode, loc: Loc, messageId: string, difference = ''): Pending {
    let byKey = this.byLoc.get(loc);
    if (!byKey) this.byLoc.set(loc, (byKey = new Map()));
    const key = difference ? `${messageId} ${difference}` : messageId;
    let p = byKey.get(key);
    if (!p) byKey.set(key, (p = { loc, messageId, data: {}, nodes: [], related: [] }));
    p.nodes.push(node);
    return p;
  }

  *all(): Iterable<Pending> {
    for (const byKey of this.byLoc.values()) yield* byKey.values();
  }
}

const relate = (p: Pending, r: () => Related): void => {
  if (p.related.length < NAMED) p.related.push(r());
};

/** LVS services that the directors of one virtual router do not define alike. */
export default definePeerRule({
  id: 'peer-virtual-server-mismatch',
  meta: { severity: 'warning', fixable: false, category: 'peer' },
  description:
    'A virtual_server on a VIP that another director of the same virtual router lacks, or defines with other real servers, forwarding method, scheduler, protocol, persistence or sorry_server.',
  messages: {
    missing:
      'virtual_server {vs} is missing on {nodes}, where VRID {vrid} holds {vip} too: after a failover there, the address answers but nothing balances this service.',
    noDirector:
      '{vip} is also held by {nodes} (VRID {vrid}), which define no virtual_server: after a failover there, the services balanced here on it ({services}) are gone.',
    realServer:
      'real_server {rs} of virtual_server {vs} is missing on {nodes}: after a failover there it receives no traffic.',
    setting:
      'virtual_server {vs}: {setting} is {value} here but {otherValue} on {nodes}, so the service behaves differently after a failover.',
    holder: '{node} holds {vip} here (VRID {vrid})',
    otherService: "{node}'s virtual_server {vs}",
    otherSetting: '{setting} {otherValue} on {node}',
  },
  checkPeers(ctx) {
    // For each ordered pair of nodes in one virtual router: the addresses both bring up, with the
    // second node's entry for it.
    const shared = new Map<PeerNode, Map<PeerNode, Map<string, Holder>>>();
    for (const r of sharedRouters(ctx.nodes)) {
      const addrs = r.members.map((m) => heldAddresses(m.inst));
      r.members.forEach((a, i) => {
        let byNode = shared.get(a.node);
        if (!byNode) shared.set(a.node, (byNode = new Map()));
        r.members.forEach((b, j) => {
          if (b.node === a.node) return;
          let both = byNode.get(b.node);
          if (!both) byNode.set(b.node, (both = new Map()));
          for (const [addr, vip] of addrs[j]!)
            if (addrs[i]!.has(addr) && !both.has(addr)) both.set(addr, { vip: vip.word, vrid: r.vrid });
        });
      });
    }
    const directors = new Map<PeerNode, Director>();
    const of = (n: PeerNode): Director => {
      let d = directors.get(n);
      if (!d) directors.set(n, (d = director(n)));
      return d;
    };
    for (const [a, byNode] of shared) {
      const mine = of(a);
      if (!mine.services.size) continue;
      const findings = new Findings();
      for (const [b, addrs] of byNode) {
        const theirs = of(b);
        const holderOf = (h: Holder) => (): Related => ({
          loc: h.vip,
          messageId: 'holder',
          data: { node: b.name, vip: h.vip.text, vrid: h.vrid },
        });
        // Services on addresses b holds too, by address, when b defines no virtual_server at all.
        const bare = new Map<string, Service[]>();
        for (const svc of mine.services.values()) {
          const holder = addrs.get(svc.addr);
          if (!holder) continue;
          if (!theirs.any) {
            bare.set(svc.addr, [...(bare.get(svc.addr) ?? []), svc]);
            continue;
          }
          let other = theirs.services.get(svc.key);
          const sameEndpoint = theirs.byEndpoint.get(svc.endpoint) ?? [];
          // One service on this address and port on each node: the same service, with another protocol.
          if (!other && sameEndpoint.length === 1 && mine.byEndpoint.get(svc.endpoint)!.length === 1)
            other = sameEndpoint[0];
          if (!other) {
            // fwmark and group services may carry it: no claim that it is missing.
            if (theirs.unmatched) continue;
            const p = findings.note(b, svc.loc, 'missing');
            if (p.nodes.length === 1) p.data = { vs: svc.name, vip: holder.vip.text, vrid: holder.vrid };
            relate(p, holderOf(holder));
            continue;
          }
          const service = other;
          const otherService = (): Related => ({
            loc: service.loc,
            messageId: 'otherService',
            data: { node: b.name, vs: service.name },
          });
          const compare = (name: string, mineSet: Setting, theirSet: Setting): void => {
            if (mineSet.value === theirSet.value) return;
            const data = { vs: svc.name, setting: name, value: mineSet.shown, otherValue: theirSet.shown };
            const p = findings.note(b, mineSet.loc ?? svc.loc, 'setting', `${name} ${theirSet.shown}`);
            if (p.nodes.length === 1) p.data = data;
            const at = theirSet.loc;
            relate(
              p,
              at ? () => ({ loc: at, messageId: 'otherSetting', data: { ...data, node: b.name } }) : otherService,
            );
          };
          compare('protocol', svc.protocol, other.protocol);
          compare('lb_algo', svc.settings.lb_algo, other.settings.lb_algo);
          compare('persistence_timeout', svc.settings.persistence_timeout, other.settings.persistence_timeout);
          compare('sorry_server', svc.settings.sorry_server, other.settings.sorry_server);
          if (!svc.realServers || !other.realServers) continue;
          // The forwarding method each real server gets, compared once per service.
          let methodCompared = false;
          for (const [k, rs] of svc.realServers) {
            const theirRs = other.realServers.get(k);
            if (!theirRs) {
              const p = findings.note(b, rs.loc, 'realServer');
              if (p.nodes.length === 1) p.data = { rs: rs.name, vs: svc.name };
              relate(p, otherService);
            } else if (!methodCompared && rs.method.value !== theirRs.method.value) {
              compare('lb_kind', rs.method, theirRs.method);
              methodCompared = true;
            }
          }
          if (!methodCompared && !other.realServers.size) compare('lb_kind', svc.method, other.method);
        }
        for (const [addr, services] of bare) {
          const holder = addrs.get(addr)!;
          const p = findings.note(b, services[0]!.loc, 'noDirector');
          if (p.nodes.length === 1)
            p.data = { vip: holder.vip.text, vrid: holder.vrid, services: services.map((s) => s.name).join(', ') };
          relate(p, holderOf(holder));
        }
      }
      for (const p of findings.all())
        ctx.report(
          a,
          { loc: p.loc, messageId: p.messageId, data: { ...p.data, nodes: nodeList(p.nodes) }, related: p.related },
          p.nodes.slice(0, NAMED),
        );
    }
  },
});
