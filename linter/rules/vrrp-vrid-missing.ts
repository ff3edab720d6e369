import { nodeModel } from '../peer/model';
import { child, defineRule } from '../types';

/** A vrrp_instance without virtual_router_id. */
export default defineRule({
  id: 'vrrp-vrid-missing',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description: 'vrrp_instance without a virtual_router_id keepalived accepts; keepalived stops validating VRRP.',
  messages: {
    missing:
      '({name}) the virtual router id must be set: add "virtual_router_id 1..255", the same on every node of this virtual router.',
    rejected:
      '({name}) the virtual router id must be set: keepalived rejects every virtual_router_id value of this instance; use a number 1..255, the same on every node of this virtual router.',
  },
  check(ctx) {
    for (const i of nodeModel(ctx.parse).instances) {
      if (i.stmt.args.length !== 1 || i.duplicate || i.vridStmt) continue;
      // Lines keepalived rejects leave the id unset (invalid-number reports each value).
      const messageId = child(i.stmt, 'virtual_router_id') ? 'rejected' : 'missing';
      ctx.report({ loc: i.nameLoc, messageId, data: { name: i.name } });
    }
  },
});
