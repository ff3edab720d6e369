import { defineRule, type Report } from '../types';
import type { Statement } from '../../grammar/index';

/** Named objects keepalived keeps only once; a second definition is skipped. */
const NAMED = new Set([
  'vrrp_instance',
  'vrrp_script',
  'vrrp_sync_group',
  'track_file',
  'vrrp_track_file',
  'vrrp_track_process',
  'bfd_instance',
  'virtual_server_group',
  'garp_group',
  'track_group',
]);

/** Kinds whose duplicates keepalived itself rejects (the others it keeps silently). */
const REPORTED_BY_KEEPALIVED = new Set(['vrrp_instance', 'vrrp_sync_group', 'bfd_instance']);

/** Two objects of the same kind with the same name. */
export default defineRule({
  id: 'duplicate-name',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description: 'Second definition of a named object; keepalived skips it.',
  messages: {
    duplicate: '{kind} "{name}" is already defined; keepalived skips this one.',
    duplicateSilent: '{kind} "{name}" is already defined; keepalived keeps both without a word, and references find only one of them.',
    first: 'first definition of "{name}"',
  },
  check(ctx) {
    const seen = new Map<string, Statement>();
    for (const s of ctx.parse.body) {
      if (!s.spec || !NAMED.has(s.keyword.text) || s.args.length === 0) continue;
      const kind = s.keyword.text === 'vrrp_track_file' ? 'track_file' : s.keyword.text;
      const key = `${kind}\0${s.args[0]!.text}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, s);
        continue;
      }
      const reported = REPORTED_BY_KEEPALIVED.has(s.keyword.text);
      const r: Report = {
        loc: s.args[0]!,
        messageId: reported ? 'duplicate' : 'duplicateSilent',
        severity: reported ? 'error' : 'warning',
        data: { kind: s.keyword.text, name: s.args[0]!.text },
        related: [{ loc: first.args[0]!, messageId: 'first', data: { name: s.args[0]!.text } }],
      };
      ctx.report(r);
    }
  },
});
