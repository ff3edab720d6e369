import { typedArgs } from '../params';
import { defineRule, logOnly } from '../types';
import { checkDecimal, checkServerPort, checkSigned, checkUnsigned, isChoice, readHexStr, startsNumber, type ValueProblem } from '../values';

/** The parameter types this rule checks. */
const NUMBERS: ReadonlySet<string> = new Set(['uint', 'port', 'int', 'hex_string', 'decimal', 'timer', 'enum_or_int', 'enum_or_uint']);

/** Numbers that keepalived cannot read or that are outside the keyword's range. */
export default defineRule({
  id: 'invalid-number',
  meta: { severity: 'error', fixable: false, category: 'keyword', scope: 'block' },
  description: 'Number that is malformed or outside the range keepalived accepts.',
  messages: {
    invalid: '"{value}" is not a valid number for "{keyword}" (decimal digits only).',
    negative: '"{keyword}" cannot be negative ("{value}"); it must be {min}..{max}.',
    range: '"{keyword}" must be {min}..{max}; "{value}" is outside that range.',
    decimals: '"{keyword}" takes at most {decimals} decimal places ("{value}"); keepalived rounds it.',
    hex: '"{value}" is not hexadecimal data for "{keyword}" (digits 0-9 and a-f, bytes may be separated by blanks).',
    hexLastFF:
      'keepalived refuses {keyword} data whose last byte is ff (its hex reader takes ff at the end for a bad digit: "Invalid hex string"); end the data with another byte.',
  },
  check(ctx) {
    for (const c = typedArgs(ctx.parse.body, ctx.targetVersion, NUMBERS); c.next(); ) {
      const { statement: s, arg, param } = c;
      let problem: ValueProblem | undefined;
      const min = param.min ?? -Infinity;
      const max = param.max ?? Infinity;
      // A real or sorry server's port: one of zeros is no port, any other 1..65535.
      const serverPort = param.type === 'port' && (s.keyword.text === 'real_server' || s.keyword.text === 'sorry_server');
      switch (param.type) {
        case 'port':
          problem = serverPort ? checkServerPort(arg.text) : checkUnsigned(arg.text, param.min ?? 0, param.max ?? 65535);
          break;
        case 'uint':
          problem = checkUnsigned(arg.text, min === -Infinity ? 0 : min, max);
          break;
        case 'int':
          problem = checkSigned(arg.text, min, max);
          break;
        case 'enum_or_int':
          // A word that starts with a digit or '-' is the number; any other is a choice (invalid-choice).
          if (!startsNumber(arg.text)) continue;
          problem = checkSigned(arg.text, min, max);
          break;
        case 'enum_or_uint':
          // A word that is not one of the choices is read as an unsigned number; one that is not a
          // number at all is invalid-choice's. vrrp_rx_bufs_policy reads its size from the first word.
          if (isChoice(param, arg.text) || (s.keyword.text === 'vrrp_rx_bufs_policy' && arg !== s.args[0])) continue;
          problem = checkUnsigned(arg.text, param.min ?? 0, param.max ?? 4294967295);
          if (problem?.kind === 'invalid') continue;
          break;
        case 'hex_string': {
          // The data may be split into several words (keepalived joins them): every word must be
          // hex digits (require_reply may use x for a nibble that can be anything).
          if (arg !== s.args[0] || s.args.some((w) => w.opaque)) continue;
          const wildcard = s.keyword.text === 'require_reply';
          const digits = wildcard ? /^[0-9a-fx]+$/i : /^[0-9a-f]+$/i;
          let bad = false;
          for (const w of s.args) {
            if (digits.test(w.text)) continue;
            ctx.report({ loc: w, messageId: 'hex', data: { keyword: s.keyword.text, value: w.text } });
            bad = true;
          }
          const last = s.args[s.args.length - 1]!;
          if (!bad && readHexStr(s.args.map((w) => w.text).join(' '), wildcard) === 'lastFF')
            ctx.report({ loc: last, messageId: 'hexLastFF', data: { keyword: s.keyword.text } });
          continue;
        }
        case 'decimal':
        case 'timer':
          problem = checkDecimal(arg.text, min === -Infinity ? 0 : min, max, param.decimals ?? 6);
          break;
        default:
          continue;
      }
      if (!problem) continue;
      const range = { min: serverPort ? 1 : (param.min ?? 0), max: param.max ?? (param.type === 'port' ? 65535 : 4294967295) };
      ctx.report({ loc: arg, messageId: problem.kind, data: { keyword: s.keyword.text, value: arg.text, ...range, ...problem }, severity: logOnly(s) });
    }
  },
});
