// Developer tool: turns the reference keyword inventory (facts) into the project's own
// catalogue format, grammar/data/keywords.json. Run it only when the inventory changes:
//   node scripts/build-catalogue.mjs ../shared/reference/keepalived/keywords.json
// The project never reads the reference at build or run time.
import { readFileSync, writeFileSync } from 'node:fs';

const src = process.argv[2] ?? '../shared/reference/keepalived/keywords.json';
const entries = JSON.parse(readFileSync(src, 'utf8'));
// Observed behaviour of Debian's 2.2.7 for every keyword given without its argument.
const observed = JSON.parse(readFileSync(src.replace(/keywords\.json$/, 'validation/missing_arg_debian_2.2.7.json'), 'utf8'));

/** Normalises a version string of the inventory to ours: '2.2.7' for anything up to 2.2.7. */
function since(v) {
  if (v.startsWith('<=')) return '2.2.7';
  if (v.startsWith('unreleased')) return 'head';
  return v;
}

/** Classifies what keepalived does when the keyword's required argument is absent. */
function missing(m) {
  if (!m) return undefined;
  if (m.startsWith('fatal')) return 'fatal';
  if (m.startsWith('crash')) return 'crash';
  if (m.startsWith('error')) return 'error';
  return undefined;
}

/**
 * The url keywords whose handlers report problems with log_message only, which `keepalived -t`
 * does not print (check_http.c, 2.2.7): keepalived accepts a bad line silently and drops it.
 */
const LOG_ONLY = new Set(['regex', 'regex_no_match', 'regex_options', 'regex_min_offset', 'regex_max_offset', 'regex_stack']);
/** What the missing-argument runs printed because their url had no path: not the keyword's doing. */
const URL_ARTEFACTS = new Set([
  'HTTP/SSL_GET checker url has no path - ignoring',
  'HTTP/SSL_GET checker has no urls specified - ignoring',
]);

const PARAM_FIELDS = ['type', 'required', 'case_insensitive', 'min', 'max', 'values', 'decimals', 'keys', 'length', 'default_if_absent'];
const out = entries.map((e) => {
  const k = { name: e.keyword, parent: e.parent_path };
  if (e.opens_block) k.block = e.block_kind;
  k.min = e.args.min;
  k.max = e.args.max;
  const params = (e.args.params ?? []).map((p) => {
    const q = { name: p.name };
    for (const f of PARAM_FIELDS) if (p[f] !== undefined) q[f] = p[f];
    return q;
  });
  // smtp_server's port goes through inet_stosockaddr, which wants 1..65535 (utils.c, 2.2.7).
  if (e.keyword === 'smtp_server' && params[1]?.type === 'port') params[1].min = 1;
  // garp_group's intervals are read as timers of at most 2147.483647 s (the oracle: "number '3000'
  // outside range [0.000000, 2147.483647]").
  if ((e.keyword === 'garp_interval' || e.keyword === 'gna_interval') && e.parent_path === 'root > garp_group' && params[0])
    params[0].max = 2147.483647;
  // Every word of a *_cpu_affinity line is a CPU number, read as an int from 0 to the number of
  // online CPUs less one (get_cpu_affinity, global_parser.c, 2.2.7). That count is the host's: only
  // the int range is known here.
  if (/^(vrrp|checker|bfd)_cpu_affinity$/.test(e.keyword) && params[0]) {
    params[0].max = 2147483647;
    params[0].repeat = true;
  }
  // init_file reads each word alike: one that starts with a digit or '-' is the initial value
  // (an int, sensible within -254..254), "overwrite" is the option, anything else is "Unknown track
  // file init option" (track_file_init_handler, track_file.c, 2.2.7).
  if (e.keyword === 'init_file' && params.length) {
    params.splice(0, params.length, { name: 'value_or_overwrite', type: 'enum_or_int', required: false, min: -254, max: 254, values: ['overwrite'], repeat: true });
  }
  // include_check reads every word: a type, with + or - to add or remove it; only the first may
  // have neither (include_check_set, parser.c, 2.2.7).
  if (e.keyword === 'include_check' && params[0]) params[0].repeat = true;
  // The garp_extra_if keywords read every word alike: "all" (strcmp) or a delay read as an
  // unsigned number, 1..86400 globally and 0..86400 in an instance; the first other word makes
  // keepalived ignore the line, and so does a line without a delay
  // (vrrp_vmac_garp_extra_if_handler, global_parser.c; vrrp_garp_extra_if_handler, vrrp_parser.c;
  // 2.2.7). `needsNumber` says a line whose words are all choices is ignored.
  if (/^(vrrp_garp_extra_if|vrrp_vmac_garp_intvl|garp_extra_if|vmac_garp_intvl)$/.test(e.keyword) && params.length) {
    const seconds = params.find((p) => p.name === 'seconds') ?? params[params.length - 1];
    params.splice(0, params.length, { name: 'seconds', type: 'enum_or_uint', required: true, min: seconds.min, max: seconds.max, values: ['all'], repeat: true, needsNumber: true });
  }
  // vrrp_rx_bufs_policy reads every word: MTU or ADVERT (strcasecmp), else a buffer size, which
  // keepalived reads from the first word whatever word it is looking at
  // (vrrp_rx_bufs_policy_handler, global_parser.c, 2.2.7).
  if (e.keyword === 'vrrp_rx_bufs_policy' && params[0]) {
    params[0].repeat = true;
    params[0].case_insensitive = true;
  }
  // A vrrp_script's interval and timeout read 0 as a number, then refuse it: "must be greater than
  // 0, setting to 1" (vrrp_vscript_interval_handler, vrrp_parser.c, HEAD; 2.2.x reads whole
  // seconds, see PARAM_OVERRIDES in grammar/catalogue.ts).
  if ((e.keyword === 'interval' || e.keyword === 'timeout') && e.parent_path === 'root > vrrp_script' && params[0]) params[0].min = 0.001;
  // DNS_CHECK reads its type with strcasecmp (check_dns.c, 2.2.7).
  if (e.keyword === 'type' && e.parent_path.endsWith('> DNS_CHECK') && params[0]) params[0].case_insensitive = true;
  if (params.length) k.params = params;
  const logOnly = LOG_ONLY.has(e.keyword) && e.parent_path.endsWith('> url');
  if (logOnly) k.logOnly = true;
  if (e.args.extra_words === 'error' && !logOnly) k.extraError = true;
  if (e.deprecated) k.deprecated = true;
  if (e.replacement) k.replacement = e.replacement;
  k.since = since(e.since_version);
  if (!e.in_debian_2_2_7 && k.since === '2.2.7') k.notInDebian = true;
  if (!e.in_upstream_head) k.removedAfter227 = true;
  let m = missing(e.missing_arg_behaviour);
  let seen = observed[`${e.parent_path} > ${e.keyword}`];
  if (seen && seen.messages.length && seen.messages.every((x) => URL_ARTEFACTS.has(x))) seen = undefined;
  if (seen) {
    if (seen.rc === 2) m = 'fatal';
    else if (seen.rc === 0 && seen.messages.length === 0) m = 'accepted';
    else if (seen.rc >= 124) m = 'crash';
    else if (!m) m = 'error';
  } else if (e.missing_arg_behaviour?.startsWith('accepted')) m = 'accepted';
  if (m) k.onMissing = m;
  if (e.value_syntax) k.valueSyntax = e.value_syntax;
  return k;
});
writeFileSync('grammar/data/keywords.json', JSON.stringify(out, null, 1) + '\n');
console.log(`wrote ${out.length} keywords`);
