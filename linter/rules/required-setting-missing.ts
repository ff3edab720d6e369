import type { Statement } from '../../grammar/index';
import { childrenNamed, defineRule, lineLoc, spanning, statementsNamed } from '../types';
import { garpGroupHasDelay } from '../peer/model';

/** Objects keepalived removes when a mandatory keyword is missing, and the keyword each needs. */
const REQUIRED: Array<{ path: RegExp; keyword: string; needs: string; alias?: string; messageId: string }> = [
  { path: /^root$/, keyword: 'vrrp_script', needs: 'script', messageId: 'vrrpScript' },
  { path: /^root$/, keyword: 'vrrp_track_process', needs: 'process', messageId: 'trackProcess' },
  { path: /^root$/, keyword: 'track_file', needs: 'file', messageId: 'trackFile' },
  { path: /^root$/, keyword: 'vrrp_track_file', needs: 'file', messageId: 'trackFile' },
  { path: /^root$/, keyword: 'bfd_instance', needs: 'neighbor_ip', alias: 'neighbour_ip', messageId: 'bfdNeighbor' },
  { path: /> real_server$/, keyword: 'MISC_CHECK', needs: 'misc_path', messageId: 'miscPath' },
  { path: /> real_server$/, keyword: 'FILE_CHECK', needs: 'track_file', messageId: 'fileCheck' },
  { path: /> real_server$/, keyword: 'BFD_CHECK', needs: 'name', messageId: 'bfdCheck' },
];

/** keepalived reports these when it closes the block: the range runs to the closing brace. */
const blockLoc = (s: Statement) => spanning(s.keyword, s.close ?? lineLoc(s));

/** Blocks without the keyword that makes them usable; keepalived removes or skips them. */
export default defineRule({
  id: 'required-setting-missing',
  meta: { severity: 'error', fixable: false, category: 'semantic', scope: 'block' },
  description:
    'vrrp_script without script, vrrp_track_process without process, track_file without file, bfd_instance without neighbor_ip, MISC_CHECK without misc_path, FILE_CHECK without track_file, BFD_CHECK without name, garp_group without a delay.',
  messages: {
    vrrpScript:
      'vrrp_script "{name}" has no script; keepalived removes it, and every track_script naming it is ignored.',
    trackProcess: 'vrrp_track_process "{name}" has no process; keepalived ignores it.',
    trackFile: 'track_file "{name}" has no file; keepalived ignores it.',
    bfdNeighbor: 'bfd_instance "{name}" has no neighbor_ip; keepalived disables it.',
    miscPath: 'MISC_CHECK has no misc_path; keepalived skips the checker.',
    fileCheck: 'FILE_CHECK has no track_file; keepalived ignores the checker.',
    bfdCheck: 'BFD_CHECK has no name; keepalived skips the checker.',
    garpDelay: 'garp_group has no valid garp_interval or gna_interval (seconds, at most 2147.483647); keepalived removes it.',
  },
  check(ctx) {
    // A garp_group needs a delay: a garp_interval or gna_interval keepalived accepts (0 included).
    for (const s of statementsNamed(ctx.parse.body, 'garp_group')) {
      if (!s.spec || !s.open || s.parentPath !== 'root') continue;
      if (!garpGroupHasDelay(s)) ctx.report({ loc: blockLoc(s), messageId: 'garpDelay', data: {} });
    }
    for (const req of REQUIRED) {
      for (const s of statementsNamed(ctx.parse.body, req.keyword)) {
        if (!s.spec || !s.open || !req.path.test(s.parentPath)) continue;
        // A line without a value sets nothing (missing-argument reports the line itself).
        if (childrenNamed(s, req.needs).some((c) => c.args.length > 0)) continue;
        if (req.alias && childrenNamed(s, req.alias).some((c) => c.args.length > 0)) continue;
        if (req.path.source === '^root$' && s.args.length !== 1) continue;
        ctx.report({ loc: blockLoc(s), messageId: req.messageId, data: { name: s.args[0]?.text ?? '' } });
      }
    }
  },
});
