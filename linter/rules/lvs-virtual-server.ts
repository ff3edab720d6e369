import { checkVirtualServer, isGroupService, LVS_MESSAGES } from '../lvs';
import { defineRule } from '../types';

/**
 * virtual_server settings keepalived completes, clears or rejects after reading the block, for
 * services by address or fwmark (those of a virtual_server_group are lvs-virtual-server-group's:
 * their group's entries decide). What it finds depends on the block alone.
 */
export default defineRule({
  id: 'lvs-virtual-server',
  meta: { severity: 'error', fixable: false, category: 'semantic', scope: 'block' },
  description:
    'virtual_server without real servers, protocol, scheduler or forwarding method; without a port and not persistent; ops without UDP; ha_suspend with a fwmark; hysteresis not below the quorum; sorry_server settings before the sorry_server; a sorry server of the other address family, or sharing a real server with another inhibit_on_failure; ip_family against the address; fwmark with protocol or real-server or sorry-server ports; DR/TUN port mismatch; quorum above the total weight; duplicate real servers.',
  messages: LVS_MESSAGES,
  check(ctx) {
    for (const vs of ctx.parse.body) {
      if (vs.spec && vs.keyword.text === 'virtual_server' && !isGroupService(vs)) checkVirtualServer(ctx, vs);
    }
  },
});
