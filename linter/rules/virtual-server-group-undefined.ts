import { defineRule } from '../types';

/** `virtual_server group NAME` naming no virtual_server_group. */
export default defineRule({
  id: 'virtual-server-group-undefined',
  meta: { severity: 'warning', fixable: false, category: 'semantic' },
  description: 'virtual_server group naming a virtual_server_group that is not defined.',
  messages: {
    undefined:
      'virtual_server_group "{name}" is not defined; at start-up keepalived reports it and the virtual server does nothing ("keepalived -t" does not check this).',
  },
  check(ctx) {
    const groups = new Set(
      ctx.parse.body
        .filter((s) => s.spec && s.keyword.text === 'virtual_server_group' && s.args[0])
        .map((s) => s.args[0]!.text),
    );
    for (const s of ctx.parse.body) {
      if (!s.spec || s.keyword.text !== 'virtual_server' || s.args[0]?.text !== 'group') continue;
      const name = s.args[1];
      if (name && !name.opaque && !groups.has(name.text))
        ctx.report({ loc: name, messageId: 'undefined', data: { name: name.text } });
    }
  },
});
