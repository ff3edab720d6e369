import { nodeModel, strictMode, usable } from '../peer/model';
import { childrenNamed, defineRule, lineLoc } from '../types';
import { cutAtBytes } from '../values';

/** authentication blocks keepalived truncates, ignores or clears. */
export default defineRule({
  id: 'vrrp-authentication',
  meta: { severity: 'error', fixable: true, category: 'semantic' },
  description:
    'auth_pass over 8 bytes, authentication with VRRPv3 or vrrp_strict, auth_type without auth_pass, AH with IPv6 or with state MASTER below priority 255.',
  messages: {
    truncated:
      'auth_pass is longer than 8 bytes; keepalived uses only "{kept}": the rest adds nothing, and a peer whose password differs only after it still matches.',
    truncatedInside:
      'auth_pass is longer than 8 bytes; keepalived uses only its first 8 bytes, "{kept}" and part of "{split}": the rest adds nothing, and a peer whose password differs only after it still matches.',
    strict: '({name}) vrrp_strict does not support authentication; keepalived ignores it.',
    version3:
      '({name}) VRRP version 3 does not support authentication; keepalived ignores it. Remove the block (or use version 2 on every node).',
    noPass: '({name}) authentication specified but no auth_pass given; keepalived ignores it.',
    emptyPass: '({name}) auth_pass is empty: keepalived takes that as no password and ignores the authentication.',
    ahIpv6: '({name}) AH authentication cannot be used with IPv6; keepalived ignores it.',
    ahMaster:
      '({name}) initial state MASTER is incompatible with AH authentication unless priority is 255; keepalived starts as BACKUP.',
  },
  check(ctx) {
    const m = nodeModel(ctx.parse);
    for (const i of m.instances) {
      if (!usable(i) || !i.authBlock) continue;
      const pass = i.authPass;
      // keepalived truncates (and says so) at every auth_pass line, not only the last one.
      for (const c of childrenNamed(i.stmt, 'authentication').flatMap((b) => childrenNamed(b, 'auth_pass'))) {
        const p = c.args[0];
        if (!p || p.opaque) continue;
        // keepalived counts bytes of the file: `“1111”` is 10 of them in UTF-8.
        const kept = cutAtBytes(p.text, 8, ctx.parse.files[p.file]!.encoding);
        if (!kept.cut) continue;
        ctx.report({
          loc: p,
          messageId: kept.exact ? 'truncated' : 'truncatedInside',
          data: { kept: kept.shown, split: p.text.slice(kept.shown.length, kept.shown.length + 1) },
          // The fix writes what keepalived keeps, which has to be whole characters.
          fix: p.quoted || !kept.exact ? undefined : { file: p.file, start: p.start, end: p.end, text: kept.shown },
        });
      }
      if (!i.authType || (i.authType.text !== 'PASS' && i.authType.text !== 'AH')) continue;
      const data = { name: i.name };
      const loc = lineLoc(i.authBlock);
      if (strictMode(m, i)) ctx.report({ loc, messageId: 'strict', data });
      else if (i.version === 3) ctx.report({ loc, messageId: 'version3', data });
      else if (!pass) ctx.report({ loc, messageId: 'noPass', data });
      // `auth_pass ""` (or `""1111`, whose second word is ignored) is a password of no bytes.
      else if (!pass.opaque && pass.text === '') ctx.report({ loc: pass, messageId: 'emptyPass', data });
      else if (i.authType.text === 'AH' && i.family === 6) ctx.report({ loc: i.authType, messageId: 'ahIpv6', data });
      else if (i.authType.text === 'AH' && i.state === 'MASTER' && i.priority !== 255)
        ctx.report({ loc: i.stateStmt!.args[0]!, messageId: 'ahMaster', data });
    }
  },
});
