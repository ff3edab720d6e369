// The checks keepalived makes of a virtual_server when it completes and validates it (check_parser.c,
// check_data.c: validate_check_config, 2.2.7), shared by lvs-virtual-server (services by address or
// fwmark: block-local) and lvs-virtual-server-group (services of a virtual_server_group, whose entries
// decide what keepalived checks).
import type { Statement, Word } from '../grammar/index';
import { intOf, lastUnsigned, lastUnsignedLine, normAddr } from './peer/model';
import { lineLoc, spanning, type RuleContext } from './types';
import { checkServerPort, checkTrueFalse, checkUnsigned, isInetAton, sockaddrAddress, sockaddrFamily, sockaddrWithPort } from './values';

/** The whole block of a statement, from its keyword to its closing brace. */
const blockLoc = (s: Statement) => spanning(s.keyword, s.close ?? lineLoc(s));

/**
 * Scheduler flags and the lb_algo they belong to. keepalived accepts any of them silently once the
 * scheduler is sh or mh (a flag of the other one does nothing) and reports it otherwise
 * (lbflags_handler, check_parser.c, 2.2.7).
 */
const SCHEDULER_FLAGS: ReadonlyMap<string, string> = new Map([
  ['hashed', 'sh'],
  ['sh-port', 'sh'],
  ['sh-fallback', 'sh'],
  ['mh-port', 'mh'],
  ['mh-fallback', 'mh'],
]);

/** The schedulers keepalived knows; lb_algo ignores any other name (lbalgo_handler). */
const SCHEDULERS: ReadonlySet<string | undefined> = new Set([
  'rr',
  'wrr',
  'lc',
  'wlc',
  'lblc',
  'sh',
  'mh',
  'dh',
  'fo',
  'ovf',
  'lblcr',
  'sed',
  'nq',
  'twos',
]);

/** Forwarding methods keepalived knows; it ignores a line with any other (case matters). */
const METHODS: ReadonlySet<string | undefined> = new Set(['NAT', 'DR', 'TUN']);

/** Whether a line sets the forwarding method: lb_kind and lvs_method share one handler. */
const setsMethod = (c: Statement): boolean =>
  (c.keyword.text === 'lb_kind' || c.keyword.text === 'lvs_method') && METHODS.has(c.args[0]?.text);

/** A real server's own forwarding method (its last valid method line), weight and inhibit_on_failure. */
function realServer(rs: Statement): {
  method: Statement | undefined;
  /** undefined: none readable, the service's weight then. */
  weight: number | undefined;
  inhibit: boolean | undefined;
} {
  let method: Statement | undefined;
  // rs_weight_handler: a value it cannot read (in -t) leaves the one before, and an empty word is 0
  // to strtoul; without one the real server takes the service's weight (validate_check_config).
  let weight: number | undefined;
  let inhibit: boolean | undefined;
  for (const c of rs.children ?? []) {
    if (!c.spec) continue;
    if (setsMethod(c)) method = c;
    else if (c.keyword.text === 'weight') {
      const w = c.args[0];
      if (w && !w.opaque && !checkUnsigned(w.text, 0, 2147483647)) weight = intOf(w) ?? 0;
    }
    else if (c.keyword.text === 'inhibit_on_failure') {
      // rs_inhibit_handler: no word is true; an invalid one leaves it as it was.
      inhibit = checkTrueFalse(c.args[0]?.text) ?? inhibit;
    }
  }
  return { method, weight, inhibit };
}

/** The entries of a virtual_server_group as keepalived keeps them: address ranges with their ports, and fwmarks. */
interface GroupEntries {
  ports: number[];
  fwmarks: number;
}

/**
 * The virtual_server_group of a name that references find, by its entries: the first one keepalived
 * keeps (it removes a group left without entries as its block closes, "has no entries - removing").
 */
function groupEntries(body: readonly Statement[], name: string): GroupEntries | undefined {
  for (const s of body) {
    if (!s.spec || s.skipped || s.keyword.text !== 'virtual_server_group' || s.args[0]?.text !== name) continue;
    const entries = entriesOf(s);
    if (entries.ports.length > 0 || entries.fwmarks > 0) return entries;
  }
  return undefined;
}

/** Whether keepalived keeps a virtual_server_group: it removes one left without entries. */
export function groupKept(g: Statement): boolean {
  const entries = entriesOf(g);
  return entries.ports.length > 0 || entries.fwmarks > 0;
}

/** The entries keepalived keeps of a virtual_server_group. */
function entriesOf(g: Statement): GroupEntries {
  const out: GroupEntries = { ports: [], fwmarks: 0 };
  for (const e of g.entries ?? []) {
    const [first, second] = e;
    if (!first || first.opaque) continue;
    if (first.text === 'fwmark') {
      if (second && !second.opaque && !checkUnsigned(second.text, 0, 4294967295)) out.fwmarks++;
    } else if (sockaddrFamily(first.text) && !(second && !second.opaque && checkServerPort(second.text)))
      out.ports.push(intOf(second) ?? 0);
  }
  return out;
}

/** A real server as the messages name it: its address and port. */
const nameOf = (rs: Statement): string => rs.args.map((w) => w.text).join(' ');

/** The messages of both rules. */
export const LVS_MESSAGES: Record<string, string> = {
  noRealServer: 'Virtual server {vs} has no real servers; keepalived ignores it.',
  noProtocol: 'Virtual server {vs}: no protocol set; keepalived defaults to UDP. Add "protocol TCP" (or UDP/SCTP).',
  noScheduler: 'Virtual server {vs}: no scheduler set; keepalived uses lb_algo wlc.',
  noMethod: 'Virtual server {vs}: no forwarding method set; keepalived uses lb_kind NAT.',
  fwmarkProtocol: 'Virtual server {vs}: protocol is ignored for a fwmark service.',
  fwmarkPort: 'fwmark virtual server {vs}: real server {rs} has a port, which keepalived {action}.',
  portMismatch:
    'Virtual server {vs} uses {method}, which cannot map ports: real server port {rsPort} differs from {vsPort} and keepalived resets it.',
  portMismatchAll:
    'Virtual server {vs} uses {method}, which cannot map ports: the service has no port (all ports), so keepalived resets real server port {rsPort} to none. Leave the port out.',
  quorum:
    'quorum {quorum} for {vs} exceeds the total weight of its real servers ({total}); keepalived reduces it to {total}.',
  duplicate: 'Virtual server {vs}: real server {rs} is duplicated; keepalived removes the second one.',
  family:
    'Address family of virtual server {vs} and real server {rs} differ; keepalived skips the real server (only TUN can mix families).',
  schedulerFlag:
    '{flag} only applies to the {scheduler} scheduler, set with lb_algo {scheduler} before it; keepalived ignores it.',
  zeroPort:
    'Virtual server {vs} has no port (or port 0), which only a persistent service may have; keepalived makes it persistent (persistence_timeout 360).',
  opsUdp: 'Virtual server {vs}: one-packet scheduling (ops) requires UDP, not {protocol}; keepalived turns it off.',
  haSuspend: 'Virtual server {vs}: ha_suspend cannot be used with fwmarks; keepalived clears it.',
  sorryInhibit:
    "Virtual server {vs}: real server {rs} is also the sorry server, with another inhibit_on_failure setting; keepalived gives the sorry server the real server's.",
  sorryPortFwmark: 'fwmark virtual server {vs}: the sorry server has a port, which keepalived {action}.',
  sorryPort:
    'Virtual server {vs} uses {method}, which cannot map ports: the sorry server port {sorryPort} differs from {vsPort}; keepalived {action}.',
  groupPort:
    'Virtual server {vs} uses {method}, which cannot map ports: real server port {rsPort} differs from the port {vsPort} of a group entry; keepalived reports it.',
  zeroWeight:
    'Every real server of {vs} has weight 0; keepalived reduces the quorum to 0 ("exceeds total weight of real servers 0") and the service gets no traffic. Give a real server a weight.',
  hysteresis:
    'Virtual server {vs}: hysteresis {hysteresis} is not below the quorum in use ({quorum}); keepalived sets it to quorum - 1.',
  ipFamily:
    'Virtual server {vs}: ip_family {value} conflicts with the family it already has (from its address, an earlier ip_family, a real server or persistence_granularity); keepalived ignores the line.',
  sorryFamily:
    'Address family of virtual server {vs} and sorry server {sorry} differ; keepalived skips the sorry server (only sorry_server_lvs_method TUN can mix families).',
  sorryBefore:
    '{keyword} before (or without) a sorry_server keepalived can read applies to nothing; keepalived ignores it. Put it after a valid sorry_server.',
  first: 'first definition',
};

/** Whether a statement is a `virtual_server group NAME` service. */
export const isGroupService = (vs: Statement): boolean => vs.args[0]?.text === 'group';

/** Checks one top-level virtual_server statement. */
export function checkVirtualServer(ctx: RuleContext, vs: Statement): void {
  if (!vs.spec || vs.keyword.text !== 'virtual_server' || !vs.args.length || vs.args.some((w) => w.opaque)) return;
  const kind = vs.args[0]!.text === 'fwmark' ? 'fwmark' : vs.args[0]!.text === 'group' ? 'group' : 'address';
  // keepalived skips a service whose address, port or fwmark it cannot read, block and all (the
  // reader marks it; invalid-address says so).
  if (vs.skipped === 'invalid') return;
  // The service as the messages name it, made only for a message (most services have none).
  let named: { vs: string } | undefined;
  const data = (): { vs: string } => (named ??= { vs: vs.args.map((w) => w.text).join(' ') });
  const vsPort = kind === 'address' ? (intOf(vs.args[1]) ?? 0) : 0;
  const at = vs.args[0]!;
  // One pass over the block: the last of each setting, and the real servers with an address.
  const rss: Statement[] = [];
  const servers: ReturnType<typeof realServer>[] = [];
  // The service's method when each real server's line was read: the server starts with it (alloc_rs).
  const methodsAt: Array<string | undefined> = [];
  let protocol: Statement | undefined;
  let scheduled = false;
  let methodLine: Statement | undefined;
  let quorum: Statement | undefined;
  // What keepalived ends up with: persistence (a bare timeout is 360 s, and a granularity turns
  // it on), one-packet scheduling, and the protocol (the last valid one; UDP by default).
  let persistent = false;
  let ops: Statement | undefined;
  // The last sorry_server (each one replaces the one before), and whether a later
  // sorry_server_lvs_method makes it tunnelled (only then may its family differ).
  let sorryServer: Statement | undefined;
  let sorryTunnel = false;
  let sorryMethod: string | undefined;
  let sorryInhibit = false;
  let vsInhibit = false;
  let haSuspend: Statement | undefined;
  // The service's family as keepalived settles it line by line: the address's; for a fwmark or
  // group service none at first, then from an ip_family line, a persistence_granularity (a
  // netmask is IPv4, a prefix length IPv6), or the first real server that is not tunnelled as
  // its block closes (rs_end_handler, pgr_handler, vs_end_handler; check_parser.c, 2.2.7).
  let family: number = kind === 'address' ? sockaddrFamily(vs.args[0]!.text) : 0;
  // The service's forwarding method so far: a real or sorry server starts with it.
  let methodNow: string | undefined;
  let sorryDefault: string | undefined;
  // Real servers of the other family, which keepalived skips as their block closes.
  const familySkipped = new Set<Statement>();
  let proto = 'UDP';
  // sh-*/mh-* flags count only when the matching scheduler was set on an earlier line.
  let sched: string | undefined;
  const flags: { line: Statement; silent: boolean }[] = [];
  for (const c of vs.children ?? []) {
    if (!c.spec) continue;
    const keyword = c.keyword.text;
    if (keyword === 'real_server') {
      // keepalived skips a real server whose address or port it cannot read.
      if (!c.args[0] || !sockaddrWithPort(c.args[0], c.args[1])) continue;
      const server = realServer(c);
      rss.push(c);
      servers.push(server);
      methodsAt.push(methodNow);
      const f = c.args[0].opaque ? 0 : sockaddrFamily(c.args[0].text);
      if (!f || (server.method?.args[0]?.text ?? methodNow) === 'TUN') continue;
      if (!family) family = f;
      else if (f !== family) {
        familySkipped.add(c);
        ctx.report({ loc: spanning(c.args[0], c.close), messageId: 'family', data: { ...data(), rs: nameOf(c) } });
      }
    } else if (keyword === 'protocol') {
      // A protocol keepalived does not know is ignored ("Unknown protocol"): it sets none.
      const p = c.args[0]?.text.toUpperCase();
      if (c.args[0]?.opaque) protocol = c;
      else if (p === 'TCP' || p === 'UDP' || p === 'SCTP') {
        protocol = c;
        proto = p;
      }
    } else if (keyword === 'persistence_timeout')
      persistent ||= !c.args[0] || c.args[0].opaque || !checkUnsigned(c.args[0].text, 1, 2678400);
    else if (keyword === 'persistence_granularity') {
      // pgr_handler: a netmask for IPv4 (a '.' decides while the family is unknown), a prefix
      // length for IPv6; one it cannot read turns nothing on.
      const w = c.args[0];
      if (!w || w.opaque) persistent = true;
      else {
        const af = family || (w.text.includes('.') ? 4 : 6);
        if (af === 4 ? isInetAton(w.text) : !checkUnsigned(w.text, 1, 128)) {
          persistent = true;
          family ||= af;
        }
      }
    }
    else if (keyword === 'ip_family') {
      const f = c.args[0]?.text === 'inet' ? 4 : c.args[0]?.text === 'inet6' ? 6 : 0;
      if (f && family && f !== family)
        ctx.report({ loc: lineLoc(c), messageId: 'ipFamily', data: { ...data(), value: c.args[0]!.text } });
      else if (f) family = f;
    } else if (keyword === 'ops') ops = c;
    else if (keyword === 'sorry_server') {
      // One keepalived cannot read is dropped: the one before it (if any) stays.
      if (!c.args[0] || !sockaddrWithPort(c.args[0], c.args[1])) continue;
      sorryServer = c;
      sorryDefault = methodNow;
      sorryTunnel = false;
      sorryMethod = undefined;
      sorryInhibit = false;
    } else if ((keyword === 'sorry_server_lvs_method' || keyword === 'sorry_server_inhibit') && !sorryServer)
      ctx.report({ loc: lineLoc(c), messageId: 'sorryBefore', data: { keyword } });
    else if (keyword === 'sorry_server_lvs_method' && METHODS.has(c.args[0]?.text)) {
      sorryTunnel = c.args[0]!.text === 'TUN';
      sorryMethod = c.args[0]!.text;
    } else if (keyword === 'sorry_server_inhibit') sorryInhibit = true;
    else if (keyword === 'inhibit_on_failure') vsInhibit = true;
    else if (keyword === 'ha_suspend') haSuspend = c;
    else if (keyword === 'lb_algo' || keyword === 'lvs_sched') {
      // A name keepalived does not know is ignored ("Invalid lvs_scheduler"): no scheduler set by it.
      if (SCHEDULERS.has(c.args[0]?.text)) {
        scheduled = true;
        sched = c.args[0]!.text;
      }
    } else if (setsMethod(c)) {
      methodLine = c;
      methodNow = c.args[0]!.text;
    }
    else if (keyword === 'quorum') quorum = c;
    else if (SCHEDULER_FLAGS.has(keyword) && sched !== SCHEDULER_FLAGS.get(keyword))
      flags.push({ line: c, silent: sched === 'sh' || sched === 'mh' });
  }
  // The entries of a group service decide what keepalived checks (validate_check_config).
  const group = kind === 'group' && vs.args[1] ? groupEntries(ctx.parse.body, vs.args[1].text) : undefined;
  const byAddress = kind === 'address' || (kind === 'group' && (!group || group.ports.length > 0));
  const byFwmark = kind === 'fwmark' || (group !== undefined && group.ports.length === 0 && group.fwmarks > 0);
  for (const { line, silent } of flags) {
    const flag = line.keyword.text;
    // Under the other of sh and mh keepalived ignores the flag without a word: a warning.
    ctx.report({
      loc: lineLoc(line),
      messageId: 'schedulerFlag',
      data: { flag, scheduler: SCHEDULER_FLAGS.get(flag) },
      severity: silent ? 'warning' : undefined,
    });
  }
  // Checked when keepalived closes the virtual_server block.
  const sorryAt = sorryServer?.args[0];
  const sorryFamily = sorryAt && !sorryAt.opaque ? sockaddrFamily(sorryAt.text) : 0;
  // A sorry server without sorry_server_lvs_method has the service's method of its line.
  const sorrySkipped =
    family !== 0 && sorryFamily !== 0 && sorryFamily !== family && !(sorryTunnel || (sorryMethod === undefined && sorryDefault === 'TUN'));
  if (sorrySkipped)
    ctx.report({
      loc: spanning(sorryAt!, vs.close),
      messageId: 'sorryFamily',
      data: { ...data(), sorry: sorryAt!.text },
    });
  // Without real servers keepalived drops the service before any other check.
  if (rss.every((rs) => familySkipped.has(rs))) {
    ctx.report({ loc: blockLoc(vs), messageId: 'noRealServer', data: data() });
    return;
  }
  if (haSuspend && (kind === 'fwmark' || (group?.fwmarks ?? 0) > 0))
    ctx.report({ loc: lineLoc(haSuspend), messageId: 'haSuspend', data: data() });
  if (byAddress && !protocol) ctx.report({ loc: at, messageId: 'noProtocol', data: data() });
  if (byAddress && ops && proto !== 'UDP')
    ctx.report({ loc: lineLoc(ops), messageId: 'opsUdp', data: { ...data(), protocol: proto } });
  if (!persistent && ((kind === 'address' && vsPort === 0) || (group?.ports.includes(0) ?? false)))
    ctx.report({ loc: at, messageId: 'zeroPort', data: data() });
  if (byFwmark && protocol) ctx.report({ loc: lineLoc(protocol), messageId: 'fwmarkProtocol', data: data() });
  if (!scheduled) ctx.report({ loc: at, messageId: 'noScheduler', data: data() });
  const method = methodLine?.args[0]?.text;
  // keepalived gives the service NAT, and says so, at the first real server it keeps (not skipped
  // for its family, not a duplicate) without a method of its own, or for a sorry server kept
  // without sorry_server_lvs_method (validate_check_config, check_data.c 2.2.7).
  let methodless = !method && sorryServer !== undefined && !sorrySkipped && sorryMethod === undefined;
  // The real servers kept so far by address, with each port's latest line (a duplicate's finding
  // points at it): keyed by the address alone, a string the map has hashed before.
  const seen = new Map<string, Array<{ port: number; addr: Word }>>();
  // The total weight the quorum is checked against: of the real servers kept, duplicates removed.
  const vsWeight = lastUnsigned(vs, 'weight', 1, 2147483647) ?? 1;
  let total = 0;
  for (let i = 0; i < rss.length; i++) {
    const rs = rss[i]!;
    const addr = rs.args[0]!;
    const port = rs.args[1];
    // Its own method, else the service's when its line was read, else the service's last one
    // (validate_check_config gives that to a server read before any method line).
    const rsMethod = servers[i]!.method?.args[0]?.text ?? methodsAt[i] ?? method;
    if (familySkipped.has(rs)) continue;
    const host = normAddr(sockaddrAddress(addr.text));
    const portNo = intOf(port) ?? 0;
    let ports = seen.get(host);
    if (!ports) seen.set(host, (ports = []));
    const same = ports.find((p) => p.port === portNo);
    const prev = same?.addr;
    if (prev)
      ctx.report({
        loc: lineLoc(rs),
        messageId: 'duplicate',
        data: { ...data(), rs: nameOf(rs) },
        related: [{ loc: prev, messageId: 'first' }],
      });
    else {
      if (!method && !servers[i]!.method) methodless = true;
      total += servers[i]!.weight ?? vsWeight;
    }
    if (same) same.addr = addr;
    else ports.push({ port: portNo, addr });
    // A NAT real server (the default method) keeps its port (check_data.c, 2.2.7).
    const mapsPorts = rsMethod === undefined || rsMethod === 'NAT';
    if ((kind === 'fwmark' || (group?.fwmarks ?? 0) > 0) && port && intOf(port) !== 0 && !mapsPorts)
      ctx.report({
        loc: port,
        messageId: 'fwmarkPort',
        data: { ...data(), rs: nameOf(rs), action: kind === 'fwmark' ? 'clears' : 'ignores' },
      });
    const rsPort = intOf(port);
    const entryPort = group?.ports.find((p) => rsPort !== undefined && rsPort !== 0 && p !== rsPort);
    if (!mapsPorts && entryPort !== undefined)
      ctx.report({
        loc: port!,
        messageId: 'groupPort',
        data: { ...data(), method: rsMethod, rsPort, vsPort: entryPort },
      });
    // The sorry server may be one of the real servers: then their inhibit_on_failure must agree.
    const sorryPort = intOf(sorryServer?.args[1]) ?? 0;
    if (
      sorryAt &&
      !sorryAt.opaque &&
      normAddr(sockaddrAddress(sorryAt.text)) === normAddr(sockaddrAddress(addr.text)) &&
      sorryPort === (rsPort ?? 0) &&
      sorryInhibit !== (servers[i]!.inhibit ?? vsInhibit)
    )
      ctx.report({ loc: lineLoc(sorryServer!), messageId: 'sorryInhibit', data: { ...data(), rs: nameOf(rs) } });
    if (
      kind === 'address' &&
      (rsMethod === 'DR' || rsMethod === 'TUN') &&
      rsPort !== undefined &&
      rsPort !== 0 &&
      rsPort !== vsPort
    ) {
      // A service without a port (all ports, when persistent) resets its real servers' ports to none.
      ctx.report({ loc: port!, messageId: vsPort === 0 ? 'portMismatchAll' : 'portMismatch', data: { ...data(), method: rsMethod, rsPort, vsPort } });
    }
  }
  if (methodless) ctx.report({ loc: at, messageId: 'noMethod', data: data() });
  // A sorry server that cannot map ports (not NAT) takes the service's port.
  const sorryPortWord = sorryServer?.args[1];
  const sorryPort = intOf(sorryPortWord) ?? 0;
  const sorryBy = sorryMethod ?? sorryDefault ?? method ?? 'NAT';
  if (sorryPortWord && sorryPort !== 0 && sorryBy !== 'NAT') {
    if (kind === 'fwmark' || (group?.fwmarks ?? 0) > 0)
      ctx.report({
        loc: sorryPortWord,
        messageId: 'sorryPortFwmark',
        data: { ...data(), action: kind === 'fwmark' ? 'clears' : 'ignores' },
      });
    const other =
      kind === 'address' ? (sorryPort !== vsPort ? vsPort : undefined) : group?.ports.find((p) => p !== sorryPort);
    if (other !== undefined)
      ctx.report({
        loc: sorryPortWord,
        messageId: 'sorryPort',
        data: {
          ...data(),
          method: sorryBy,
          sorryPort,
          vsPort: other,
          action: kind === 'address' ? 'resets it' : 'ignores it',
        },
      });
  }
  // A quorum keepalived cannot read is reset to 1 (quorum_handler).
  const q = quorum?.args[0] && !checkUnsigned(quorum.args[0].text, 1, 4294967295) ? intOf(quorum.args[0]) : undefined;
  if (quorum && q !== undefined && q >= 1 && rss.length && q > total)
    ctx.report({ loc: quorum.args[0]!, messageId: 'quorum', data: { ...data(), quorum: q, total } });
  // Every real server at weight 0: even the default quorum of 1 is too high.
  else if (!(quorum && q !== undefined && q >= 1) && rss.length && total === 0 && vs.args[0])
    ctx.report({ loc: vs.args[0], messageId: 'zeroWeight', data: data(), severity: 'warning' });
  // Then hysteresis must stay below the quorum in use (1 by default, at most the total weight).
  let inUse = q !== undefined && q >= 1 ? q : 1;
  if (rss.length && inUse > total) inUse = total;
  // hysteresis_handler: a value it cannot read leaves the one before (0 by default).
  const kept = lastUnsignedLine(vs, 'hysteresis', 0, 4294967295);
  const h = kept && !kept.args[0]!.opaque ? intOf(kept.args[0]) ?? 0 : undefined;
  if (kept && h !== undefined && h >= inUse)
    ctx.report({ loc: kept.args[0]!, messageId: 'hysteresis', data: { ...data(), hysteresis: h, quorum: inUse } });
}
