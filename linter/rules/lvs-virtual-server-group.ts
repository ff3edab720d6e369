import { checkVirtualServer, isGroupService, LVS_MESSAGES } from '../lvs';
import { defineRule } from '../types';

/**
 * The checks of lvs-virtual-server for `virtual_server group NAME` services. keepalived decides
 * what to check by the group's entries (addresses with ports, fwmarks), so the findings depend on
 * the virtual_server_group block too: not block-local.
 */
export default defineRule({
  id: 'lvs-virtual-server-group',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description:
    'virtual_server group services keepalived completes, clears or ignores: without real servers, scheduler or forwarding method; without protocol or a port, or with ops without UDP, when the group has addresses; protocol or ha_suspend when it has fwmarks; real-server and sorry-server ports a DR/TUN service cannot map; and the other lvs-virtual-server checks.',
  messages: LVS_MESSAGES,
  check(ctx) {
    for (const vs of ctx.parse.body) {
      if (vs.spec && vs.keyword.text === 'virtual_server' && isGroupService(vs)) checkVirtualServer(ctx, vs);
    }
  },
});
