// The keepalived side of the differential suite: runs the real `keepalived -t` (2.2.7) on a
// config inside a private network namespace holding every interface the config names, and turns
// its output into positioned messages, each classified as environmental or as a config finding.
// See ../shared/ORACLE.md. No vitest import: scripts/oracle.mjs bundles this file as well.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/** The keepalived binary used as the oracle ($KEEPALIVED_ORACLE_BIN overrides it). */
export const KEEPALIVED_BIN = process.env.KEEPALIVED_ORACLE_BIN || '/usr/sbin/keepalived';

/** Seconds after which a keepalived run is considered hung (exit 124). */
export const ORACLE_TIMEOUT_SECONDS = 20;

/** Bump when the way a run is made changes, so that cached raw outputs are invalidated. */
const HARNESS_VERSION = 4;

/** One message printed by keepalived, deduplicated by (file, line, text). */
export interface OracleMessage {
  /** Absolute path of the file the message points into, when it has a position. */
  file?: string;
  /** 1-based line number, when the message has a position. */
  line?: number;
  text: string;
  /** True when the message depends on the machine, not on the config (see ENVIRONMENTAL_PATTERNS). */
  environmental: boolean;
}

/** keepalived's parsed verdict on one config. */
export interface OracleResult {
  /** Exit status: 0, 2, 4, 5, 6; 124 on timeout (hang); 128+N when killed by signal N. */
  exit: number;
  messages: OracleMessage[];
}

/** A raw keepalived run, as cached. */
export interface OracleRun {
  exit: number;
  output: string;
  interfaces: string[];
}

/** Options of runOracle. */
export interface OracleOptions {
  /** Extra keepalived arguments, e.g. ['-i', 'node1']. */
  args?: string[];
  /** Folder of the on-disk cache; undefined disables caching. */
  cacheDir?: string;
  /** Ignore the cache (still writes it). Defaults to process.env.CI === 'true'. */
  live?: boolean;
}

// ------------------------------------------------------------------------------------------------
// Environmental messages (ORACLE.md "Environmental messages"). Each pattern matches the message
// text without its `(FILE: Line N) ` prefix. Everything not listed here is a config finding,
// including `SECURITY VIOLATION - scripts are being executed but script_security not enabled`.
// ------------------------------------------------------------------------------------------------

/** One environmental-message rule. */
export interface EnvironmentalPattern {
  pattern: RegExp;
  why: string;
}

/** The explicit list of messages that depend on the machine rather than on the config. */
export const ENVIRONMENTAL_PATTERNS: readonly EnvironmentalPattern[] = [
  // --- Interfaces that do not exist on the host (the namespace normally prevents these). ---
  {
    // vrrp_instance `interface`, virtual_ipaddress `dev`, static routes/rules, garp_group, ...
    // e.g. "WARNING - interface eth1 for vrrp_instance VI_1 doesn't exist",
    //      "WARNING - interface eth1 for ip address 10.0.0.1/24 doesn't exist",
    //      "WARNING - interface eth1 for VROUTE nexthop doesn't exist",
    //      "WARNING - interface eth1 for rule doesn't exist",
    //      "WARNING - interface eth1 specified for garp_group doesn't exist"
    pattern: /^WARNING - interface .* doesn't exist$/,
    why: 'missing interface',
  },
  {
    // track_interface entry in a vrrp_instance or a vrrp_sync_group
    pattern: /^\(.*\) tracked interface .* doesn't exist$/,
    why: 'missing tracked interface',
  },
  {
    // printed once after the VRRP pass when any interface was missing
    pattern: /^Non-existent interface specified in configuration$/,
    why: 'missing interface (summary)',
  },
  {
    pattern: /^unknown interface .* specified for linkbeat interface$/,
    why: 'missing linkbeat interface',
  },
  {
    // static_ipaddress entry without `dev` when default_interface (else eth0) does not exist
    pattern: /^Static address .* requires either an interface or default interface must exist$/,
    why: 'missing default interface',
  },
  // --- Script files that do not exist / are not executable / cannot be accessed. ---
  {
    pattern: /^Disabling track script .* since not found\/accessible$/,
    why: 'script file not found or not executable',
  },
  {
    pattern: /^Cannot find script .* in path - disabling$/,
    why: 'script file not found',
  },
  {
    pattern: /^WARNING - script .* is not executable for uid:gid .* - disabling\.?$/,
    why: 'script file not executable',
  },
  {
    pattern: /^Please add a #! shebang to script /,
    why: 'script file content',
  },
  // --- Users and groups that do not exist on the host (the keepalived_script user, script_user,
  //     a vrrp_script `user`). The script is then removed; see the cascade rule in classify(). ---
  {
    pattern: /^Unable to set default user/,
    why: 'keepalived_script user missing',
  },
  {
    pattern: /^Error setting global script uid\/gid$/,
    why: 'script_user missing on the host',
  },
  {
    pattern: /^Unable to set uid\/gid for script\b/,
    why: 'script user missing on the host',
  },
  {
    pattern: /^Failed to set uid\/gid for misc checker script /,
    why: 'MISC_CHECK user missing on the host',
  },
  {
    pattern: /^Invalid user\/group for .* script .* - ignoring$/,
    why: 'script user missing on the host',
  },
  // --- SMTP server host names that cannot be resolved (no DNS in the namespace): only when the
  //     host is not an IP literal, see isEnvironmental(). ---
  {
    pattern: /^Invalid smtp server (\S+)/,
    why: 'unresolvable SMTP host name',
  },
  // --- Build options. ---
  {
    pattern: /^iptables not supported, using nftables/,
    why: 'build option',
  },
  // --- Noise that is not a message about the config (none seen from 2.2.7 -t -l so far; kept
  //     for banners printed by other builds). ---
  {
    pattern: /^Keepalived v?\d+\.\d+\.\d+/,
    why: 'startup banner',
  },
  {
    pattern: /^(Starting|Stopped) Keepalived/,
    why: 'startup banner',
  },
  {
    pattern: /^Running on Linux /,
    why: 'startup banner',
  },
  {
    pattern: /^Command line: /,
    why: 'startup banner',
  },
  {
    pattern: /^Configuration file /,
    why: 'startup banner',
  },
  {
    pattern: /^(Opening file|Script user|Initializing ipvs|Unsafe permissions found for script) /,
    why: 'startup noise',
  },
  {
    pattern: /^timeout: /,
    why: 'noise from timeout(1)',
  },
];

/**
 * Names keepalived looks up in the host's files (/etc/iproute2/rt_tables, rt_dsfield, rt_scopes,
 * rt_protos, rt_realms, group; /etc/protocols): a name this host lacks may be another host's, so
 * the message is environmental when the value is a name (starts with a letter). A number keepalived
 * refuses is refused everywhere.
 */
const NAME_LOOKUPS: readonly RegExp[] = [
  /^TOS value (.*) is invalid$/,
  /^Routing table (.*) not found for (?:route|rule)$/,
  /^Scope (.*) not found or invalid for route$/,
  /^Protocol (.*) not found or invalid for route$/,
  /^Invalid realms (.*) for route$/,
  /^invalid realms (.*) for rule$/,
  /^suppress_group (.*) is invalid$/,
  /^Invalid ipproto (.*)$/,
];

const isName = (value: string): boolean => value.split('/').some((part) => /^[A-Za-z_]/.test(part));

/** Is this message text environmental (see ENVIRONMENTAL_PATTERNS and NAME_LOOKUPS)? */
export function isEnvironmental(text: string): boolean {
  for (const pattern of NAME_LOOKUPS) {
    const m = pattern.exec(text);
    if (m) return isName(m[1]!);
  }
  for (const { pattern } of ENVIRONMENTAL_PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    if (text.startsWith('Invalid smtp server')) {
      // An IP literal that keepalived rejects (e.g. a bad port) is a finding; a host name is not.
      // Nor is an address with a mask or range after it, which keepalived looks up as a host name
      // that no resolver has.
      const host = m[1] ?? '';
      return net.isIP(host) === 0 && !host.includes('/') && net.isIP(host.split('-')[0]!) === 0;
    }
    return true;
  }
  return false;
}

// ------------------------------------------------------------------------------------------------
// Reading the config: includes, interface names, enclosing blocks (a light, generous scanner).
// ------------------------------------------------------------------------------------------------

/** One file of a config's include tree. */
export interface ConfigFile {
  /** Absolute path. */
  path: string;
  /** The name keepalived shows for it: the glob result as written, relative to the includer's folder. */
  shownAs: string;
  /** Absolute path of the including file; undefined for the main file. */
  parent?: string;
  /** Line of the `include` in the parent. */
  includeLine?: number;
  text: string;
}

/** The include tree and the interface names of one config. */
export interface ConfigScan {
  files: ConfigFile[];
  /** Interface names to create (valid Linux names only, without lo and VMAC names). */
  interfaces: string[];
  /** For each file path, line -> names of the vrrp_script blocks enclosing it. */
  scriptBlocks: Map<string, Map<number, string>>;
  /**
   * Names of `net_namespace` lines. keepalived -t enters the namespace before it checks anything,
   * and where it does not exist exits 0 having checked nothing: each run gets these names for its
   * own namespace (a private /var/run/netns).
   */
  namespaces: string[];
}

const MAX_IFNAME = 15;
const IFNAME_KEYWORDS = new Set([
  'interface',
  'default_interface',
  'lvs_sync_daemon',
  'lvs_sync_daemon_interface',
  'lvs_sync_daemon_inteface',
  'bind_if',
  'vrf',
]);
const IFNAME_FOLLOWERS = new Set(['dev', 'oif', 'iif']);
const IFNAME_LIST_BLOCKS = new Set([
  'track_interface',
  'interfaces',
  'linkbeat_interfaces',
  'interface_up_down_delays',
]);
const VMAC_KEYWORDS = new Set(['use_vmac', 'vmac', 'use_ipvlan']);

/** Strip a comment (`#` or `!` outside double quotes, not escaped) and surrounding blanks. */
function decomment(line: string): string {
  let inQuote = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && !inQuote) {
      i++;
      continue;
    }
    if (c === '"') inQuote = !inQuote;
    else if (!inQuote && (c === '#' || c === '!')) return blankTrim(line.slice(0, i));
  }
  return blankTrim(line);
}

/** Trims keepalived's blanks only (String.prototype.trim would take a no-break space, 0xA0 here, too). */
const blankTrim = (s: string): string => s.replace(/^[ \t\r\n\f\v]+|[ \t\r\n\f\v]+$/g, '');

/** Expand `{a,b}` alternatives (GLOB_BRACE), innermost-first. */
function expandBraces(pattern: string): string[] {
  const m = /\{([^{}]*,[^{}]*)\}/.exec(pattern);
  if (!m) return [pattern];
  const head = pattern.slice(0, m.index);
  const tail = pattern.slice(m.index + m[0].length);
  return m[1]!.split(',').flatMap((alt) => expandBraces(head + alt + tail));
}

/** A glob(3)-like segment matcher. */
function segmentRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let body = segment.slice(i + 1, end);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        re += '[' + body.replace(/\\/g, '\\\\') + ']';
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp('^' + re + '$');
}

/** Match one include pattern; returns the matches as written (sorted), relative to baseDir. */
function globInclude(pattern: string, baseDir: string): string[] {
  const out = new Set<string>();
  for (const alt of expandBraces(pattern)) {
    const absolute = alt.startsWith('/');
    const segments = alt.split('/').filter((s, i) => s !== '' || i === 0);
    let partial: string[] = [absolute ? '/' : ''];
    for (const seg of absolute ? segments.slice(1) : segments) {
      const next: string[] = [];
      for (const prefix of partial) {
        const dir = path.resolve(baseDir, prefix || '.');
        if (!/[*?[]/.test(seg)) {
          next.push(prefix === '' ? seg : path.posix.join(prefix, seg));
          continue;
        }
        let entries: string[] = [];
        try {
          entries = fs.readdirSync(dir);
        } catch {
          continue;
        }
        const re = segmentRegExp(seg);
        for (const e of entries) {
          if (e.startsWith('.') && !seg.startsWith('.')) continue;
          if (re.test(e)) next.push(prefix === '' ? e : path.posix.join(prefix, e));
        }
      }
      partial = next;
    }
    for (const p of partial) {
      try {
        if (fs.statSync(path.resolve(baseDir, p)).isFile()) out.add(p);
      } catch {
        // no match
      }
    }
  }
  return [...out].sort();
}

/**
 * Is this a name `ip link add` accepts? Names are the config's bytes (read as Latin-1): the kernel
 * takes any byte but blanks (its isspace, which includes 0x85 and 0xA0), '/' and ':', so
 * `'eth0'` and a UTF-8 `“eth0”` are names an interface can have.
 */
function isValidIfName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_IFNAME &&
    name !== '.' &&
    name !== '..' &&
    /^[\x21-\x7e\x80-\xff]+$/.test(name) &&
    // '%' would make the kernel pick a name (eth%d); double quotes and braces are tokenizer leftovers
    !/[\s/:"{}%\x85\xa0]/.test(name)
  );
}

const unquote = (w: string): string => w.replace(/^"(.*)"$/, '$1');

/**
 * Scan a config and its includes for files, interface names and vrrp_script blocks. `configId` is
 * keepalived's -i: it decides which `@id` definitions count (other `@id` lines are all kept).
 */
export function scanConfig(mainFile: string, configId?: string): ConfigScan {
  const files: ConfigFile[] = [];
  const seen = new Set<string>();
  const names = new Set<string>();
  const vmacNames = new Set<string>();
  const namespaces = new Set<string>();
  const defs = new Map<string, string>();
  const scriptBlocks = new Map<string, Map<number, string>>();
  // The block stack spans files (a block may open in one file and close in another).
  const stack: string[] = [];
  let pendingKeyword = '';
  let scriptName: string | undefined;
  let scriptDepth = -1;

  const substitute = (line: string): string =>
    line
      .replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (all, n: string) => defs.get(n) ?? all)
      // (After the name: a blank, a comma, a bracket or the end, as find_definition wants; not a CR.)
      .replace(/\$([A-Za-z_][A-Za-z0-9_]*)(?=$|[ \t,)])/g, (all, n: string) => defs.get(n) ?? all);

  const handleSegment = (words: string[]): void => {
    if (words.length === 0) return;
    const w0 = words[0]!;
    const top = stack[stack.length - 1];
    // (A vrrp_script whose `{` has not come yet goes on: keepalived reads the next lines into it.)
    if (stack.length === 0 && scriptDepth !== 0) scriptName = w0 === 'vrrp_script' ? words[1] : undefined;
    if (top !== undefined && IFNAME_LIST_BLOCKS.has(top)) names.add(w0);
    if (IFNAME_KEYWORDS.has(w0) && words[1] !== undefined) names.add(words[1]);
    if (VMAC_KEYWORDS.has(w0)) {
      // use_vmac [IFNAME | name IFNAME] [MAC] ...: a VMAC name must NOT exist beforehand
      // (keepalived would report "already exists and is not a private macvlan").
      for (let i = 1; i < words.length; i++) {
        if (words[i] === 'name' && words[i + 1]) vmacNames.add(words[i + 1]!);
        else if (i === 1 && !words[i]!.includes(':')) vmacNames.add(words[i]!);
      }
    }
    for (let i = 0; i + 1 < words.length; i++) {
      if (IFNAME_FOLLOWERS.has(words[i]!)) names.add(words[i + 1]!);
    }
    // Any name a file can have, as keepalived looks it up (`high;` too, a name of its own).
    if (w0 === 'net_namespace' && words[1] !== undefined && !words[1].includes('/') && !/^\.\.?$/.test(words[1]))
      namespaces.add(words[1]);
    pendingKeyword = w0;
  };

  const visit = (abs: string, shownAs: string, parent?: string, includeLine?: number): void => {
    if (seen.has(abs) || files.length > 200) return;
    seen.add(abs);
    let text: string;
    try {
      text = fs.readFileSync(abs, 'latin1');
    } catch {
      return;
    }
    files.push({ path: abs, shownAs, parent, includeLine, text });
    const lineScripts = new Map<number, string>();
    scriptBlocks.set(abs, lineScripts);
    const lines = text.split('\n');
    for (let n = 0; n < lines.length; n++) {
      let line = decomment(lines[n]!.replace(/\r+$/, ''));
      if (line === '') continue;
      // @id / @^id conditionals: be generous, keep every branch (but a definition only as
      // keepalived reads it, or `@b $IF=br0` would hide the eth0 of `$IF=eth0` without -i).
      const cond = /^@(\^?)(\S*)\s*(.*)$/.exec(line);
      if (cond) line = cond[3]!;
      const def = /^\$([A-Za-z_][A-Za-z0-9_]*)=\s*(.*)$/.exec(line);
      if (def && cond && (cond[2] === configId) === (cond[1] === '^')) continue;
      if (def) {
        // A multi-line definition (each line but the last ends in a backslash) stands here for its
        // lines' words all together: enough to find the interface names in it.
        let value = def[2]!;
        while (value.endsWith('\\') && n + 1 < lines.length) {
          value = `${value.slice(0, -1)} ${decomment(lines[++n]!.replace(/\r+$/, ''))}`;
        }
        defs.set(def[1]!, value.replace(/\\$/, '').trim());
        continue;
      }
      // A definition may use another ($VI_SETTINGS holding $VIP): substitute until nothing changes.
      for (let depth = 0; depth < 8 && line.includes('$'); depth++) {
        const next = decomment(substitute(line));
        if (next === line) break;
        line = next;
      }
      const inc = /^include[rmwba]?[ \t]+(.*)$/.exec(line);
      if (inc) {
        const dir = path.dirname(abs);
        for (const match of globInclude(inc[1]!.trim(), dir)) {
          visit(path.resolve(dir, match), match, abs, n + 1);
        }
        continue;
      }
      const scriptAtStart = scriptName;
      // Split at braces outside quotes, as read_line does.
      // keepalived's blanks only: a no-break space (0xA0 here) is part of a word to it.
      const parts = line.match(/"[^"]*"?|[{}]|[^ \t\r\n\f\v{}"]+/g) ?? [];
      let words: string[] = [];
      for (const p of parts) {
        if (p === '{') {
          handleSegment(words);
          words = [];
          stack.push(pendingKeyword);
          if (pendingKeyword === 'vrrp_script' && stack.length === 1) scriptDepth = 1;
        } else if (p === '}') {
          handleSegment(words);
          words = [];
          if (stack.length === scriptDepth) {
            scriptName = undefined;
            scriptDepth = -1;
          }
          stack.pop();
          pendingKeyword = '';
        } else words.push(unquote(p));
      }
      handleSegment(words);
      if (stack.length === 0 && scriptName !== undefined && scriptDepth === -1) scriptDepth = 0;
      const script = scriptName ?? scriptAtStart;
      if (script !== undefined) lineScripts.set(n + 1, script);
    }
  };

  const abs = path.resolve(mainFile);
  visit(abs, path.basename(abs));
  for (const v of vmacNames) names.delete(v);
  names.delete('lo');
  const interfaces = [...names].filter(isValidIfName).sort();
  return { files, interfaces, scriptBlocks, namespaces: [...namespaces].sort() };
}

// ------------------------------------------------------------------------------------------------
// Running keepalived.
// ------------------------------------------------------------------------------------------------

const shq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** A name of the config's bytes (Latin-1) as a shell word: bytes over 0x7f through printf's octal escapes. */
const shBytes = (s: string): string =>
  /^[\x00-\x7f]*$/.test(s)
    ? shq(s)
    : `"$(printf '${[...s].map((c) => (c.charCodeAt(0) > 0x7e || c === "'" || c === '\\' || c === '%' ? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}` : c)).join('')}')"`;

/** Is the keepalived binary present and runnable? */
export function keepalivedAvailable(): boolean {
  return fs.existsSync(KEEPALIVED_BIN) && keepalivedVersion() !== '';
}

/** Why the oracle cannot run here (keepalived missing, no unshare rights), or undefined. */
export function oracleProblem(): string | undefined {
  if (!keepalivedAvailable()) {
    return `${KEEPALIVED_BIN} is not installed (apt-get install -y keepalived)`;
  }
  const r = spawnSync('unshare', ['-n', '-u', 'true'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : (r.stderr ?? '').trim();
    return `unshare -n -u does not work here (run as root): ${why}`;
  }
  return undefined;
}

let versionCache: string | undefined;

/** The first line of `keepalived --version` (e.g. "Keepalived v2.2.7 (01/16,2022)"), or ''. */
export function keepalivedVersion(): string {
  if (versionCache === undefined) {
    const r = spawnSync(KEEPALIVED_BIN, ['--version'], { encoding: 'utf8' });
    const out = `${r.stderr ?? ''}${r.stdout ?? ''}`;
    versionCache = r.error ? '' : (out.split('\n')[0]?.trim() ?? '');
  }
  return versionCache;
}

/** Host name inside the private UTS namespace: keepalived's default config id, fixed for determinism. */
export const ORACLE_HOSTNAME = 'keepalived-oracle';

/**
 * The shell script run inside `unshare -m -n -u` (private mounts). Each name of `namespaces` is
 * made a name of the run's own network namespace, where keepalived looks for it (a tmpfs on
 * /var/run/netns, seen by this run only, with the namespace bound on a file of that name).
 */
export function namespaceScript(fileName: string, interfaces: string[], args: string[], namespaces: string[] = []): string {
  const lines = [`echo ${ORACLE_HOSTNAME} > /proc/sys/kernel/hostname 2>/dev/null`, 'ip link set lo up'];
  if (namespaces.length > 0) {
    lines.push('mkdir -p /var/run/netns && mount -t tmpfs keepalived-oracle /var/run/netns');
    for (const ns of namespaces) {
      lines.push(`touch /var/run/netns/${shq(ns)} && mount --bind /proc/self/ns/net /var/run/netns/${shq(ns)}`);
    }
  }
  const taken = new Set(interfaces);
  let peer = 0;
  for (const name of interfaces) {
    while (taken.has(`kap${peer}`)) peer++;
    const p = `kap${peer++}`;
    lines.push(
      `ip link add ${shBytes(name)} type veth peer name ${p} >/dev/null 2>&1 && ` +
        `ip link set ${shBytes(name)} up >/dev/null 2>&1; ip link set ${p} up >/dev/null 2>&1`,
    );
  }
  const argv = ['-t', '-l', '-f', fileName, ...args].map(shq).join(' ');
  lines.push(`exec ${KEEPALIVED_BIN} ${argv} 2>&1`);
  return lines.join('\n');
}

/** Run keepalived -t on a config in a fresh network namespace; returns the raw run. */
export function runKeepalived(file: string, interfaces: string[], args: string[], namespaces: string[] = []): Promise<OracleRun> {
  const abs = path.resolve(file);
  const script = namespaceScript(path.basename(abs), interfaces, args, namespaces);
  const unshare = ['unshare', '-m', '--propagation', 'private', '-n', '-u'];
  return new Promise((resolve, reject) => {
    const child = spawn('timeout', [String(ORACLE_TIMEOUT_SECONDS), ...unshare, 'sh', '-c', script], {
      cwd: path.dirname(abs),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => chunks.push(b));
    child.stderr.on('data', (b: Buffer) => chunks.push(b));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const exit = code ?? (signal ? 128 + (SIGNALS[signal] ?? 0) : -1);
      resolve({
        exit,
        output: Buffer.concat(chunks).toString('latin1'),
        interfaces,
      });
    });
  });
}

const SIGNALS: Record<string, number> = {
  SIGKILL: 9,
  SIGSEGV: 11,
  SIGABRT: 6,
  SIGTERM: 15,
};

/** Cache key: contents of every file of the include tree + args + interfaces + keepalived version. */
export function cacheKey(scan: ConfigScan, args: string[]): string {
  const h = createHash('sha256');
  h.update(`harness ${HARNESS_VERSION}\n${keepalivedVersion()}\n${JSON.stringify(args)}\n`);
  h.update(JSON.stringify(scan.interfaces));
  // (Only when there are some: the keys of the other configs stay as they were.)
  if (scan.namespaces.length > 0) h.update(`\0namespaces ${JSON.stringify(scan.namespaces)}`);
  for (const f of scan.files) h.update(`\0${f.shownAs}\0${f.text}`);
  return h.digest('hex');
}

/** A parsed verdict together with the include tree and the raw run it was made from. */
export interface OracleDetails {
  result: OracleResult;
  scan: ConfigScan;
  run: OracleRun;
  /** True when the raw run came from the cache. */
  cached: boolean;
}

/** Run the oracle on a config (cached unless live) and keep the details. */
export async function runOracleDetailed(file: string, options: OracleOptions = {}): Promise<OracleDetails> {
  const args = options.args ?? [];
  const id = args.indexOf('-i');
  // Without -i keepalived's config id is the host name, which the run's UTS namespace fixes.
  const scan = scanConfig(file, id >= 0 ? args[id + 1] : ORACLE_HOSTNAME);
  const live = options.live ?? process.env.CI === 'true';
  let run: OracleRun | undefined;
  let cachePath: string | undefined;
  if (options.cacheDir) {
    cachePath = path.join(options.cacheDir, 'keepalived', `${cacheKey(scan, args)}.json`);
    if (!live && fs.existsSync(cachePath)) {
      try {
        run = JSON.parse(fs.readFileSync(cachePath, 'utf8')) as OracleRun;
      } catch {
        run = undefined;
      }
    }
  }
  const cached = run !== undefined;
  if (!run) {
    run = await runKeepalived(file, scan.interfaces, args, scan.namespaces);
    if (cachePath) {
      fs.mkdirSync(path.dirname(cachePath), { recursive: true });
      fs.writeFileSync(cachePath, JSON.stringify(run));
    }
  }
  const result = {
    exit: run.exit,
    messages: parseOracleOutput(run.output, scan),
  };
  return { result, scan, run, cached };
}

/** Run the oracle on a config (cached unless live), and parse its output. */
export async function runOracle(file: string, options: OracleOptions = {}): Promise<OracleResult> {
  return (await runOracleDetailed(file, options)).result;
}

// ------------------------------------------------------------------------------------------------
// Parsing the output.
// ------------------------------------------------------------------------------------------------

const POSITIONED = /^\((?:(.+?): )?Line (\d+)\) (.*)$/;

/** Resolve a file name as keepalived shows it to an absolute path, using the include tree. */
export function resolveShownFile(shown: string | undefined, scan: ConfigScan): string {
  const main = scan.files[0]!;
  if (shown === undefined) return main.path;
  const candidates = scan.files.filter((f) => f.shownAs === shown);
  if (candidates.length > 0) return candidates[0]!.path;
  if (path.isAbsolute(shown)) return path.normalize(shown);
  const bySuffix = scan.files.find((f) => f.path.endsWith(`/${shown}`));
  return bySuffix ? bySuffix.path : path.resolve(path.dirname(main.path), shown);
}

/** Parse keepalived's raw output into deduplicated, classified messages. */
export function parseOracleOutput(output: string, scan: ConfigScan): OracleMessage[] {
  const messages: OracleMessage[] = [];
  const seen = new Set<string>();
  for (const raw of output.split('\n')) {
    const lineText = raw.replace(/\r+$/, '');
    if (lineText.trim() === '') continue;
    const m = POSITIONED.exec(lineText);
    const msg: OracleMessage = m
      ? {
          file: resolveShownFile(m[1], scan),
          line: Number(m[2]),
          text: m[3]!.trim(),
          environmental: false,
        }
      : { text: lineText.trim(), environmental: false };
    msg.environmental = isEnvironmental(msg.text);
    const key = `${msg.file ?? ''}\0${msg.line ?? ''}\0${msg.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    messages.push(msg);
  }
  classifyCascades(messages, scan);
  classifyImpossibleInterfaces(messages);
  classifyStartupScripts(messages, scan);
  return messages;
}

/**
 * "Invalid startup script" / "Invalid shutdown script" (global_parser.c, 2.2.7): keepalived could
 * not set the script up, most often because the user its line names does not exist on this host
 * (notify_script_init logs why outside -t's output). With a user name some host may have (not
 * root, not a number), that is as environmental as the other missing-user messages.
 */
function classifyStartupScripts(messages: OracleMessage[], scan: ConfigScan): void {
  for (const m of messages) {
    if (!/^Invalid (startup|shutdown) script$/.test(m.text) || !m.file || !m.line) continue;
    const line = scan.files.find((f) => f.path === m.file)?.text.split('\n')[m.line - 1] ?? '';
    const words = line.replace(/[#!].*$/, '').match(/"[^"]*"|\S+/g) ?? [];
    const user = words[2];
    if (user && user !== 'root' && /^[A-Za-z_][A-Za-z0-9_.-]*\$?$/.test(user)) m.environmental = true;
  }
}

/**
 * A missing instance interface is environmental, since the host may have it; a name no interface
 * can have (empty, `.`, `..`, with `/`, `:` or one of the kernel's blanks) is missing on every
 * host, so that message, and the VRRP process stopping over it, are findings about the config.
 */
function classifyImpossibleInterfaces(messages: OracleMessage[]): void {
  let any = false;
  for (const m of messages) {
    const x = /^WARNING - interface (.*) for vrrp_instance .* doesn't exist$/.exec(m.text);
    if (!x || x[1]!.length > MAX_IFNAME) continue;
    const name = x[1]!;
    if (name === '' || name === '.' || name === '..' || /[/:\t\n\v\f\r \xa0]/.test(name)) {
      m.environmental = false;
      any = true;
    }
  }
  if (!any) return;
  for (const m of messages) if (m.text === 'Non-existent interface specified in configuration') m.environmental = false;
}

/**
 * A vrrp_script removed for an environmental reason (missing user) makes later references to it
 * report "(VI) track script NAME not found, ignoring..."; those are environmental as well.
 */
function classifyCascades(messages: OracleMessage[], scan: ConfigScan): void {
  const removed = new Set<string>();
  for (const m of messages) {
    if (!m.environmental) continue;
    const named = /^Unable to set default user for vrrp script (.*) - removing$/.exec(m.text);
    if (named) removed.add(named[1]!);
    if (/^Unable to set (uid\/gid|default user)/.test(m.text) && m.file && m.line) {
      const name = scan.scriptBlocks.get(m.file)?.get(m.line);
      if (name !== undefined) removed.add(name);
    }
  }
  if (removed.size === 0) return;
  for (const m of messages) {
    const ref = /^\(.*\) track script (.*) not found, ignoring\.\.\.$/.exec(m.text);
    if (ref && removed.has(ref[1]!)) m.environmental = true;
  }
}

/** Messages that are findings about the config (not environmental). */
export function findings(result: OracleResult): OracleMessage[] {
  return result.messages.filter((m) => !m.environmental);
}
