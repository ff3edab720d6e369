// How keepalived reads a script command (grammar.md §9, core/notify.c): no shell is involved.
// The command word is split into argv at blanks, '…' and "…" quote, a backslash keeps the next
// character; the program is exec'd directly (absolute path, or searched in PATH).
import type { KeywordSpec, Loc, ParamSpec, ParseResult, Statement, Word } from '../../grammar/index';
import { spanning, statementsWhere } from '../types';
import { lastChild } from './model';

/** One argv word of a command, with the characters that were outside quotes. */
export interface ArgWord {
  text: string;
  /** The word's characters that were neither quoted nor escaped, in order. */
  bare: string;
}

/** argv of a command as keepalived splits it, and whether a quote was left open. */
export interface SplitCommand {
  argv: ArgWord[];
  unbalanced: '"' | "'" | undefined;
}

/** A statement that configures a script, with the argv keepalived will exec. */
export interface ScriptUse {
  stmt: Statement;
  /** The command keepalived runs: the first word of the line, its quotes removed. */
  command: string;
  argv: ArgWord[];
  /** A quote left open, at either reading level: keepalived drops the script. */
  unbalanced: '"' | "'" | undefined;
  /**
   * Words after the command of a keyword that takes the whole line (vrrp_script `script`,
   * `misc_path`): keepalived runs the first word alone and never passes these.
   */
  ignored: ArgWord[];
  /** Words of the statement holding the command (one, or all of them for vrrp_script `script`). */
  words: Word[];
  /** A user given on the line (notify "cmd" user), or by vrrp_script `user`. */
  hasUser: boolean;
  /** That user's name, and where it is written (the line's own words). */
  user: { text: string; loc: Loc } | undefined;
  /** A group given on the line after the user (notify "cmd" user group), and where it is written. */
  group?: { text: string; loc: Loc };
}

/**
 * Characters no account name has (the passwd file's separator, a path, the comments of other
 * languages: a double slash, slash-star, a semicolon, two dashes): getpwnam and getgrnam cannot
 * find such a user or group on any host.
 */
const IMPOSSIBLE_ACCOUNT = /[/:*;]|^-/;

/** Why no host has a user or group of this name: a number (looked up as a name), or impossible characters. */
export function accountNameProblem(name: string): 'numeric' | 'impossible' | undefined {
  if (/^\d+$/.test(name)) return 'numeric';
  return IMPOSSIBLE_ACCOUNT.test(name) ? 'impossible' : undefined;
}

/**
 * Whether keepalived surely drops the script for its user or group: it looks both up by name and
 * ignores the line when either is missing (set_uid_gid, lib/notify.c, 2.2.7), on any host.
 */
export const accountSurelyMissing = (u: ScriptUse): boolean =>
  (u.user !== undefined && accountNameProblem(u.user.text) !== undefined) ||
  (u.group !== undefined && accountNameProblem(u.group.text) !== undefined);

/**
 * Splits text at blanks; '…' and "…" quote (quotes removed), a backslash keeps the next character
 * (alloc_strvec_quoted_escaped, lib/parser.c). A quote left open is an error there, except as the
 * text's very last character: the word then simply ends (`script "/bin/check" x"` runs).
 */
export function splitCommand(command: string): SplitCommand {
  const argv: ArgWord[] = [];
  let cur: ArgWord | undefined;
  let quote: '"' | "'" | undefined;
  let quoteAt = -1;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (!quote && (c === ' ' || c === '\t')) {
      if (cur) argv.push(cur);
      cur = undefined;
      continue;
    }
    cur ??= { text: '', bare: '' };
    if (c === '\\' && i + 1 < command.length) {
      cur.text += command[++i];
      continue;
    }
    if (quote) {
      if (c === quote) quote = undefined;
      else cur.text += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      quoteAt = i;
      continue;
    }
    cur.text += c;
    cur.bare += c;
  }
  if (cur) argv.push(cur);
  return { argv, unbalanced: quoteAt === command.length - 1 ? undefined : quote };
}

/** Every statement that configures a script, in file order, read the way keepalived reads it. */
export function scriptUses(parse: ParseResult): ScriptUse[] {
  let uses = usesCache.get(parse);
  if (!uses) usesCache.set(parse, (uses = findScriptUses(parse)));
  return uses;
}

const usesCache = new WeakMap<ParseResult, ScriptUse[]>();

/** Drops the script uses found for a parse (or a view of one) no longer used. */
export function forgetScriptUses(parse: ParseResult): void {
  usesCache.delete(parse);
}

/** Keywords whose first parameter is a script. */
const takesScript = (spec: KeywordSpec): spec is KeywordSpec & { params: ParamSpec[] } =>
  spec.params?.[0]?.type === 'script';

function findScriptUses(parse: ParseResult): ScriptUse[] {
  const out: ScriptUse[] = [];
  for (const s of statementsWhere(parse.body, takesScript)) {
    if (!s.spec || !takesScript(s.spec) || !s.args.length) continue;
    // vrrp_script `script` and misc_path take the whole line; the others are "command [user [group]]".
    const whole = s.spec.params.length === 1;
    const first = s.args[0]!;
    const last = s.args[s.args.length - 1]!;
    const file = parse.files[first.file];
    // keepalived re-reads the raw line of these keywords with its own quoting rules.
    const raw =
      file && last.file === first.file && !s.args.some((w) => w.substituted)
        ? file.text.slice(first.start, last.end)
        : s.args.map((w) => w.text).join(' ');
    const line = splitCommand(raw);
    const words = whole ? s.args : s.args.slice(0, 1);
    // The user: vrrp_script's `user` line (the last one counts), else the word after the command.
    const userStmt = whole && s.parent ? lastChild(s.parent, 'user') : undefined;
    const hasUser = whole ? !!userStmt : line.argv.length > 1;
    let user: ScriptUse['user'];
    if (userStmt?.args[0]) user = { text: userStmt.args[0].text, loc: userStmt.args[0] };
    else if (!whole && hasUser) {
      const name = line.argv[1]!.text;
      user = { text: name, loc: s.args.find((w) => w !== first && w.text === name) ?? spanning(first, last) };
    }
    // keepalived builds the program's argv from the first of those words alone, split again
    // (set_script_params_array, lib/notify.c, 2.2.7 to 2.4.x): `script "/bin/bash /x.sh" 10` runs
    // /bin/bash /x.sh, and `script /usr/bin/pgrep haproxy` runs pgrep without an argument.
    const cmd = splitCommand(line.argv[0]?.text ?? '');
    const unbalanced = line.unbalanced ?? cmd.unbalanced;
    const ignored = whole ? line.argv.slice(1) : [];
    const use: ScriptUse = {
      stmt: s,
      command: line.argv[0]?.text ?? '',
      argv: cmd.argv,
      unbalanced,
      ignored,
      words,
      hasUser,
      user,
    };
    if (!whole && line.argv.length > 2) {
      const name = line.argv[2]!.text;
      const same = s.args.filter((w) => w !== first && w.text === name);
      // The user's word comes first when both are written alike.
      const at = name === user?.text ? (same[1] ?? same[0]) : same[0];
      use.group = { text: name, loc: at ?? spanning(first, last) };
    }
    out.push(use);
  }
  return out;
}

/**
 * Programs that exist on any host keepalived runs on: those of Debian's essential packages
 * (coreutils, dash, bash, grep, sed, mawk, bsdutils, sysvinit-utils), of keepalived's own
 * dependencies (iproute2, init-system-helpers), and the process and HTTP tools every server
 * image carries (procps, psmisc, curl, wget, systemd). Not sudo, ping, nc or netstat: minimal
 * hosts lack them, and keepalived says nothing of a script it cannot find.
 */
const COMMON = new Set([
  'true',
  'false',
  'test',
  'echo',
  'cat',
  'sleep',
  'touch',
  'sh',
  'bash',
  'dash',
  'grep',
  'sed',
  'awk',
  'logger',
  'pidof',
  'ip',
  'ss',
  'service',
  'pgrep',
  'pkill',
  'ps',
  'kill',
  'killall',
  'curl',
  'wget',
  'systemctl',
]);

/** Whether keepalived could find the program: an absolute path, or a plain name it looks up in PATH. */
export function mayExist(program: string): boolean {
  return /^\/\S*$/.test(program) || /^[A-Za-z0-9_.+-]+$/.test(program);
}

/** Whether the program surely exists on the host (a common tool, by name or in a system folder), so keepalived will see it. */
export function surelyExists(program: string): boolean {
  const m = /^(?:\/(?:usr\/)?s?bin\/)?([^/]+)$/.exec(program);
  return m !== null && COMMON.has(m[1]!);
}
