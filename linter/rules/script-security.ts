import type { Statement } from '../../grammar/index';
import { nodeModel } from '../peer/model';
import { accountNameProblem, mayExist, scriptUses, surelyExists, type ScriptUse } from '../peer/script-command';
import { defineRule, lineLoc, spanning } from '../types';

/** Users every system has (base-passwd), so keepalived finds them. */
const SURE_USERS: ReadonlySet<string> = new Set(['root', 'daemon', 'nobody']);

/** Which keepalived process runs a script, by where it is configured. */
function processOf(s: Statement): 'vrrp' | 'checker' | 'parent' {
  if (s.parentPath.startsWith('root > virtual_server')) return 'checker';
  if (s.parentPath.startsWith('root > global_defs')) {
    if (s.keyword.text === 'startup_script' || s.keyword.text === 'shutdown_script') return 'parent';
    return s.keyword.text.startsWith('lvs_') ? 'checker' : 'vrrp';
  }
  return 'vrrp';
}

/** Scripts configured without enable_script_security (keepalived: SECURITY VIOLATION, exit status 6). */
export default defineRule({
  id: 'script-security',
  meta: { severity: 'error', fixable: false, category: 'semantic' },
  description:
    'Scripts configured without enable_script_security, enable_script_security without script_user, or a script user or group given as a number or that cannot exist.',
  messages: {
    vrrp: 'SECURITY VIOLATION - scripts are being executed but script_security not enabled: keepalived -t exits with status 6. Add enable_script_security (and script_user) to global_defs.',
    checker:
      'SECURITY VIOLATION - check scripts are being executed but script_security not enabled: keepalived -t exits with status 6. Add enable_script_security (and script_user) to global_defs.',
    parent:
      'SECURITY VIOLATION - start/shutdown scripts are being executed but script_security not enabled: keepalived -t exits with status 6. Add enable_script_security (and script_user) to global_defs.',
    noUser:
      'enable_script_security without script_user: keepalived runs scripts as user "keepalived_script" and removes every script when that user does not exist. Add "script_user root" (or another existing user) to global_defs.',
    unsure:
      'Scripts are configured without enable_script_security: when "{program}" exists on the host, keepalived reports "SECURITY VIOLATION - scripts are being executed but script_security not enabled" and -t exits with status 6. Add enable_script_security (and script_user) to global_defs.',
    unsureUser:
      'Scripts are configured without enable_script_security: when user "{user}" and "{program}" exist on the host, keepalived reports "SECURITY VIOLATION - scripts are being executed but script_security not enabled" and -t exits with status 6 (without the user it drops the script). Add enable_script_security (and script_user) to global_defs.',
    alsoScript: 'script configured here',
    numericUser:
      'keepalived looks a script\'s user up by name: unless a user is called "{user}", it ignores this script (it logs "Script user \'{user}\' does not exist"). Give the user\'s name, not its number.',
    impossibleUser:
      '"{user}" cannot be a user name: keepalived finds no such user and ignores this script (it logs "Script user \'{user}\' does not exist"). keepalived\'s comments start with "#" or "!".',
    numericGroup:
      'keepalived looks a script\'s group up by name: unless a group is called "{group}", it ignores this script (it logs "Script group \'{group}\' does not exist"). Give the group\'s name, not its number.',
    impossibleGroup:
      '"{group}" cannot be a group name: keepalived finds no such group and ignores this script (it logs "Script group \'{group}\' does not exist"). keepalived\'s comments start with "#" or "!".',
  },
  check(ctx) {
    const m = nodeModel(ctx.parse);
    const dropped = new Set(m.instances.filter((i) => i.duplicate || i.stmt.args.length !== 1).map((i) => i.stmt));
    // A number is no user name to getpwnam: keepalived drops the script (set_uid_gid, lib/notify.c).
    const noUser = new Set<ScriptUse>();
    for (const u of scriptUses(ctx.parse)) {
      if (!u.user) continue;
      // A comment of another language (`/* note */`, `// note`) after the command is read as its user.
      const problem = accountNameProblem(u.user.text);
      if (problem) {
        noUser.add(u);
        const messageId = problem === 'numeric' ? 'numericUser' : 'impossibleUser';
        ctx.report({ loc: u.user.loc, messageId, data: { user: u.user.text }, severity: 'warning' });
        continue;
      }
      // The group is looked up only once the user is found.
      const groupProblem = u.group && accountNameProblem(u.group.text);
      if (!u.group || !groupProblem) continue;
      noUser.add(u);
      const messageId = groupProblem === 'numeric' ? 'numericGroup' : 'impossibleGroup';
      ctx.report({ loc: u.group.loc, messageId, data: { group: u.group.text }, severity: 'warning' });
    }
    const uses = scriptUses(ctx.parse).filter((u) => {
      if (noUser.has(u)) return false;
      let p = u.stmt.parent;
      while (p) {
        if (dropped.has(p)) return false;
        p = p.parent;
      }
      const argv0 = u.argv[0];
      return !u.words.some((w) => w.opaque) && !u.unbalanced && argv0 !== undefined && mayExist(argv0.text);
    });
    if (!uses.length) return;
    if (m.enableScriptSecurity) {
      if (!m.scriptUser && uses.some((u) => !u.hasUser))
        ctx.report({ loc: lineLoc(m.enableScriptSecurity), messageId: 'noUser', severity: 'warning' });
      return;
    }
    // A process only runs (and checks its scripts) when it has something to do.
    const running = {
      vrrp: m.instances.some((i) => i.stmt.args.length === 1),
      checker: ctx.parse.body.some((s) => s.spec && s.keyword.text === 'virtual_server'),
      parent: true,
    };
    const byProcess = new Map<string, ScriptUse[]>();
    for (const u of uses) {
      const p = processOf(u.stmt);
      if (!running[p]) continue;
      const list = byProcess.get(p);
      if (list) list.push(u);
      else byProcess.set(p, [u]);
    }
    // Whether a script file, or the user it runs as, exists is only known on the host; the linter
    // is sure only of common programs and of users every system has (keepalived silently drops a
    // script whose user it cannot find).
    for (const [p, list] of byProcess) {
      const sure = list.find((u) => surelyExists(u.argv[0]!.text) && (!u.user || SURE_USERS.has(u.user.text)));
      const first = sure ?? list[0]!;
      const program = first.argv[0]!.text;
      const user = first.user && !SURE_USERS.has(first.user.text) ? first.user.text : undefined;
      ctx.report({
        loc: spanning(first.words[0]!, first.words[first.words.length - 1]),
        messageId: sure ? p : user !== undefined ? 'unsureUser' : 'unsure',
        data: { program, user },
        severity: sure ? undefined : 'warning',
        related: list.filter((u) => u !== first).map((u) => ({ loc: u.words[0]!, messageId: 'alsoScript' })),
      });
    }
  },
});
