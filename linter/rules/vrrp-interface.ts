import { atLeast } from '../../grammar/index';
import { nodeModel, usable } from '../peer/model';
import { child, defineRule, lineLoc, spanning } from '../types';

const UNICAST = [
  'unicast_src_ip',
  'unicast_peer',
  'check_unicast_src',
  'old_unicast_checksum',
  'unicast_fault_no_peer',
];

/** A vrrp_instance without a usable interface. */
export default defineRule({
  id: 'vrrp-interface',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description: 'vrrp_instance without interface (before 2.3, even with unicast peers), or on the loopback interface.',
  messages: {
    missing:
      '({name}) Unknown interface!: the instance has no interface; keepalived stops validating VRRP. Add "interface <nic>".',
    missingUnicast:
      '({name}) Unknown interface!: keepalived {version} needs an interface even with unicast peers (2.3 and later do not). Add "interface <nic>".',
    loopback: '({name}) cannot use a loopback interface ({iface}) for VRRP; keepalived ignores it.',
    vmacUnicast:
      '({name}) Cannot use {keyword} with unicast and no interface; keepalived clears it. Add "interface <nic>".',
  },
  check(ctx) {
    const old = !atLeast(ctx.targetVersion, '2.3.0');
    for (const i of nodeModel(ctx.parse).instances) {
      if (!usable(i)) continue;
      const data = { name: i.name, iface: i.iface?.text ?? '', version: ctx.targetVersion };
      if (i.iface && !i.iface.opaque && i.iface.text === 'lo') {
        ctx.report({ loc: i.iface, messageId: 'loopback', data });
        continue;
      }
      if (i.iface || child(i.stmt, 'vrf')) continue;
      const unicast = UNICAST.some((k) => child(i.stmt, k));
      if (!unicast) ctx.report({ loc: i.nameLoc, messageId: 'missing', data });
      else if (old) ctx.report({ loc: i.nameLoc, messageId: 'missingUnicast', data });
      // keepalived says so when it closes the instance: the range runs from the line to the brace.
      const vmac = child(i.stmt, 'use_vmac') ?? child(i.stmt, 'use_ipvlan');
      if (unicast && vmac)
        ctx.report({
          loc: spanning(lineLoc(vmac), i.stmt.close),
          messageId: 'vmacUnicast',
          data: { ...data, keyword: vmac.keyword.text },
        });
    }
  },
});
