import { atLeast } from '../../grammar/index';
import type { Statement } from '../../grammar/index';
import { entryLines, instanceStrict, ipvlanAddress, nodeModel, usable, usableIface, type Instance } from '../peer/model';
import { child, childrenNamed, defineRule, lineLoc, spanning, type RuleContext } from '../types';
import { ipFamily, isDevName, splitPrefix } from '../values';
import { readVipEntry } from '../vip-entry';
import { readVmac } from '../vmac';

const UNICAST = [
  'unicast_src_ip',
  'unicast_peer',
  'check_unicast_src',
  'old_unicast_checksum',
  'unicast_fault_no_peer',
];

/**
 * The instance's interface lines (each sets it, `lo` clears it), vrf after an interface,
 * vmac_xmit_base without a VMAC, an IPv4 ipvlan without its address, and a VMAC or ipvlan with
 * unicast peers, which keepalived gives vmac_xmit_base (vrrp_int_handler, vrrp_vrf_handler,
 * vrrp_end_handler, vrrp_parser.c; vrrp_complete_instance, vrrp.c; 2.2.7). Returns whether the
 * instance ends up with an interface.
 */
function vmacOptions(ctx: RuleContext, i: Instance, data: Record<string, string>): { iface: boolean; stops: boolean } {
  let iface = false;
  let stops = false;
  let vrf: Statement | undefined;
  for (const c of i.stmt.children ?? []) {
    if (!c.spec) continue;
    if (c.keyword.text === 'interface') {
      // Each line sets the interface, a name that is too long leaves it, the loopback clears it.
      const w = c.args[0];
      if (usableIface(c)) {
        // A name no interface can have (`""`, `eth0:1`) is missing on every host: the instance has
        // no interface as keepalived closes it, and after reading the file it stops VRRP.
        iface = !(w && !w.opaque && !isDevName(w.text));
        if (!iface) {
          stops = true;
          ctx.report({ loc: w!, messageId: 'noSuchInterface', data: { ...data, iface: w!.text } });
        }
      } else if (w?.text === 'lo') {
        ctx.report({ loc: w, messageId: 'loopback', data: { ...data, iface: 'lo' } });
        iface = false;
      }
    } else if (c.keyword.text === 'vrf' && c.args.length > 0) {
      if (iface) ctx.report({ loc: lineLoc(c), messageId: 'vrfAndInterface', data });
      else vrf ??= c;
    }
  }
  // When the instance is complete, a VRF needs unicast peers and no interface.
  if (vrf && iface) ctx.report({ loc: lineLoc(vrf), messageId: 'vrfInterface', data });
  else if (vrf && i.peers.length === 0) ctx.report({ loc: lineLoc(vrf), messageId: 'vrfUnicast', data });
  const vmac = child(i.stmt, 'use_vmac');
  const ipvlan = child(i.stmt, 'use_ipvlan');
  const xmit = child(i.stmt, 'vmac_xmit_base');
  if (xmit && !vmac) ctx.report({ loc: lineLoc(xmit), messageId: 'xmitBaseNoVmac', data, severity: 'warning' });
  // A VMAC or ipvlan interface promotes secondaries by itself (vrrp_complete_instance).
  const promote = child(i.stmt, 'promote_secondaries');
  if (promote && (vmac || ipvlan)) ctx.report({ loc: lineLoc(promote), messageId: 'promoteVmac', data });
  if (ipvlan && i.family === 4) {
    const addr = ipvlanAddress(ipvlan);
    if (!addr?.opaque && (!addr || ipFamily(splitPrefix(addr.text).addr) !== 4))
      ctx.report({ loc: lineLoc(ipvlan), messageId: 'ipvlanNoAddress', data });
  }
  const unicast = UNICAST.some((k) => child(i.stmt, k));
  const either = vmac ?? ipvlan;
  // For an ipvlan keepalived sets vmac_xmit_base too, and then drops it again: only a VMAC has it.
  if (either && unicast && iface && !xmit)
    ctx.report({
      loc: spanning(lineLoc(either), i.stmt.close),
      messageId: vmac ? 'unicastXmitBase' : 'unicastIpvlan',
      data: { ...data, keyword: either.keyword.text },
      severity: 'warning',
    });
  return { iface, stops };
}

/**
 * A VMAC interface name another instance already named (vrrp_vmac_handler: "VRRP instance %s is
 * already using %s - ignoring name"). Only names given in use_vmac count: the ones keepalived
 * makes up (vrrp.VRID) come later.
 */
function vmacNameTaken(ctx: RuleContext, i: Instance, taken: Map<string, string>): void {
  // The name keepalived reads (a second one is "already specified": invalid-address).
  const words = readVmac(childrenNamed(i.stmt, 'use_vmac'), taken);
  for (const { word: w, problem } of words) {
    if (problem === 'taken') ctx.report({ loc: w, messageId: 'vmacNameTaken', data: { name: i.name, other: taken.get(w.text)!, vmac: w.text } });
    else if (problem === 'nameTwice') ctx.report({ loc: w, messageId: 'vmacNameTwice' });
  }
  const w = words.find((v) => v.kind === 'name' && !v.problem)?.word;
  if (w) taken.set(w.text, i.name);
}

/**
 * What keepalived says as it completes an instance without an interface (vrrp_complete_instance,
 * vrrp.c): "Unknown interface!", before 2.3 even with unicast peers; from 2.3 on each VIP without
 * "dev" of a unicast instance ("no interface for vip %s - removing").
 */
function noInterface(
  ctx: RuleContext,
  i: Instance,
  data: Record<string, string>,
  unicast: boolean,
  old: boolean,
): void {
  if (!unicast) ctx.report({ loc: i.nameLoc, messageId: 'missing', data });
  else if (old) ctx.report({ loc: i.nameLoc, messageId: 'missingUnicast', data });
  else {
    for (const block of ['virtual_ipaddress', 'virtual_ipaddress_excluded'])
      for (const b of childrenNamed(i.stmt, block))
        for (const e of entryLines(b)) {
          if (e[0]!.opaque || e.some((w) => w.text === 'dev')) continue;
          ctx.report({ loc: e[0]!, messageId: 'vipNoInterface', data: { ...data, vip: e[0]!.text } });
        }
  }
}

/**
 * The use_vmac option of a VIP or eVIP that keepalived refuses as it completes the instance
 * (vrrp_complete_instance, vrrp.c, 2.2.7): on the instance's interface (no "dev", or its own) and of
 * its family when the instance has use_vmac itself, or elsewhere (another "dev" or family) when the
 * instance has use_vmac_addr. Only where keepalived gets that far: with an interface, or from 2.3
 * on without one in a unicast instance, whose use_vmac keepalived has cleared by then (every VIP
 * with a "dev" is then on another interface); strict mode refuses unicast peers before.
 */
function vipVmac(ctx: RuleContext, i: Instance, hasIface: boolean, data: Record<string, string>, strict: boolean): void {
  if (hasIface && i.iface?.opaque) return;
  const iface = hasIface ? i.iface?.text : undefined;
  const vmac = iface !== undefined && child(i.stmt, 'use_vmac') !== undefined;
  const vmacAddr = child(i.stmt, 'use_vmac_addr') !== undefined;
  if (!vmac && !vmacAddr) return;
  if (instanceStrict(i.stmt, strict) && UNICAST.some((k) => child(i.stmt, k))) return;
  for (const block of ['virtual_ipaddress', 'virtual_ipaddress_excluded']) {
    for (const b of childrenNamed(i.stmt, block)) {
      for (const e of entryLines(b)) {
        const vip = readVipEntry(block, e);
        if (!vip?.useVmac || vip.varies) continue;
        // A VIP of the other family is not kept (an eVIP is).
        if (block === 'virtual_ipaddress' && vip.family !== i.family) continue;
        // On the instance's interface: no "dev", or its own (none without an interface).
        const own = !vip.dev || vip.dev.text === iface;
        const messageId = own && vip.family === i.family ? (vmac ? 'vipVmac' : undefined) : vmacAddr ? 'vipVmacAddr' : undefined;
        if (messageId) ctx.report({ loc: vip.useVmac, messageId, data: { ...data, vip: vip.address.text } });
      }
    }
  }
}

/** A vrrp_instance without a usable interface. */
export default defineRule({
  id: 'vrrp-interface',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description:
    'vrrp_instance without interface (before 2.3, even with unicast peers), or on the loopback interface; vrf with interface, vmac_xmit_base without use_vmac, an IPv4 ipvlan without its address, a VMAC or ipvlan with unicast peers and no vmac_xmit_base, a VMAC name another instance already uses, a VIP without dev in a unicast instance without interface (2.3+), promote_secondaries with a VMAC or ipvlan, use_vmac on a VIP that keepalived refuses, interface_up_down_delays naming a VMAC.',
  messages: {
    missing:
      '({name}) Unknown interface!: the instance has no interface; keepalived stops validating VRRP. Add "interface <nic>".',
    missingUnicast:
      '({name}) Unknown interface!: keepalived {version} needs an interface even with unicast peers (2.3 and later do not). Add "interface <nic>".',
    loopback: '({name}) cannot use a loopback interface ({iface}) for VRRP; keepalived ignores it.',
    delayVmac:
      '{vmac} is the VMAC interface of ({name}), which keepalived creates only after reading the configuration: interface_up_down_delays cannot name it, and keepalived stops ("unknown interface {vmac} specified for up/down delay"). Remove the entry, or add dynamic_interfaces to global_defs.',
    noSuchInterface:
      '({name}) no interface can be called "{iface}": keepalived reports that it does not exist and stops the VRRP process ("Non-existent interface specified in configuration").',
    vrfAndInterface:
      '({name}) vrf after an interface; keepalived ignores the vrf ("Cannot specify VRF interface and interface").',
    vrfInterface:
      '({name}) vrf with an interface; keepalived clears the vrf ("vrf can only be specified without interface").',
    vrfUnicast:
      '({name}) vrf without unicast peers; keepalived clears the vrf ("vrf can only be specified with unicast").',
    vmacNameTwice: "The VMAC's interface name is already given; keepalived ignores this one.",
    vmacNameTaken:
      '({name}) VRRP instance {other} already uses the VMAC interface name "{vmac}"; keepalived ignores it here.',
    xmitBaseNoVmac: '({name}) vmac_xmit_base without use_vmac; keepalived ignores it ("only valid with a vmac").',
    promoteVmac: '({name}) promote_secondaries is set automatically for a VMAC or ipvlan; keepalived ignores the line.',
    ipvlanNoAddress:
      '({name}) An IPv4 ipvlan needs its own IPv4 address ("use_ipvlan NAME ADDRESS"); without one keepalived puts the instance in FAULT state.',
    unicastXmitBase:
      '({name}) {keyword} with unicast peers needs vmac_xmit_base; keepalived sets it and reports the instance. Add "vmac_xmit_base".',
    unicastIpvlan:
      '({name}) use_ipvlan with unicast peers: keepalived sets vmac_xmit_base for it, then drops it again, since only a VMAC can have it ("vmac_xmit_base is only valid with a vmac"). Use use_vmac for a unicast instance, or leave these messages be.',
    vipNoInterface:
      '({name}) no interface for VIP {vip}: the instance has no interface and the address no "dev"; keepalived {version} removes it. Add "dev <nic>" or an interface.',
    vmacUnicast:
      '({name}) Cannot use {keyword} with unicast and no interface; keepalived clears it. Add "interface <nic>".',
    vipVmac:
      '({name}) use_vmac on {vip}, which is on the instance\'s interface, while the instance has use_vmac itself: keepalived reports it ("use_vmac specified for VIP/eVIP … and vrrp instance") and puts the address on the instance\'s VMAC. Remove the address\'s use_vmac.',
    vipVmacAddr:
      '({name}) use_vmac on {vip}, which is on another interface or of the other family, while the instance has use_vmac_addr: keepalived reports it ("use_vmac_addr specified and use_vmac specified for VIP/eVIP …") and ignores the address\'s use_vmac.',
  },
  check(ctx) {
    const old = !atLeast(ctx.targetVersion, '2.3.0');
    const vmacNames = new Map<string, string>();
    const model = nodeModel(ctx.parse);
    for (const i of model.instances) {
      if (!usable(i)) continue;
      const data = { name: i.name, iface: i.iface?.text ?? '', version: ctx.targetVersion };
      vmacNameTaken(ctx, i, vmacNames);
      const { iface, stops } = vmacOptions(ctx, i, data);
      const unicast = UNICAST.some((k) => child(i.stmt, k));
      if (!stops && (iface || (!old && unicast))) vipVmac(ctx, i, iface, data, model.strict);
      // A VRF instance has no interface; 2.2.7 still wants one ("Unknown interface!").
      if (iface || (!old && child(i.stmt, 'vrf'))) continue;
      // Where keepalived stops VRRP over a missing interface, it completes no instance.
      if (!stops) noInterface(ctx, i, data, unicast, old);
      // keepalived says so when it closes the instance: the range runs from the line to the brace.
      const vmac = child(i.stmt, 'use_vmac') ?? child(i.stmt, 'use_ipvlan');
      if (unicast && vmac)
        ctx.report({
          loc: spanning(lineLoc(vmac), i.stmt.close),
          messageId: 'vmacUnicast',
          data: { ...data, keyword: vmac.keyword.text },
        });
    }
    delaysOnVmac(ctx, model.globalDefs, vmacNames);
  },
});

/**
 * interface_up_down_delays naming a VMAC of the configuration: keepalived looks each name up as it
 * reads the block (alloc_if_up_down_delay, vrrp_parser.c, 2.2.7) and makes VMAC interfaces only
 * when it completes the instances, so it stops ("unknown interface %s specified for up/down
 * delay", a fatal error), unless global_defs has dynamic_interfaces.
 */
function delaysOnVmac(ctx: RuleContext, globalDefs: readonly Statement[], vmacs: ReadonlyMap<string, string>): void {
  if (vmacs.size === 0 || globalDefs.some((g) => child(g, 'dynamic_interfaces'))) return;
  for (const block of ctx.parse.body) {
    if (!block.spec || block.skipped || block.keyword.text !== 'interface_up_down_delays') continue;
    for (const e of block.entries ?? []) {
      const w = e[0];
      const name = w && !w.opaque ? vmacs.get(w.text) : undefined;
      if (name !== undefined) ctx.report({ loc: w!, messageId: 'delayVmac', data: { name, vmac: w!.text } });
    }
  }
}
