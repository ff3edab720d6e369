import { atLeast, availableIn, blockKeywords, blockName, findRemoved, keywordEverywhere } from '../../grammar/index';
import { extentLoc, forProblems, replace } from '../problem-rule';
import { defineRule, type Report } from '../types';
import { closest } from '../values';

/** Whether only blanks, or blanks and a comment, follow an offset up to the end of its line. */
function restIsBlank(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 35 /* # */ || c === 33 /* ! */) return true;
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** Human name of a block path. */
export function blockLabel(path: string): string {
  const name = blockName(path);
  return name === 'root' ? 'the top level' : name;
}

/** Keywords keepalived does not know in the block where they stand. */
export default defineRule({
  id: 'unknown-keyword',
  meta: { severity: 'error', fixable: true, category: 'keyword' },
  description: 'Keyword that keepalived does not know in this block (it is skipped).',
  messages: {
    unknown: 'Unknown keyword "{keyword}" in {block}; keepalived skips this line.',
    didYouMean: 'Unknown keyword "{keyword}" in {block}; did you mean "{suggestion}"?',
    elsewhere: '"{keyword}" is not valid in {block}; it belongs in {places}.',
    elsewhereReplace: '"{keyword}" is not valid in {block}; it belongs in {places} (deprecated there). In {block} use "{suggestion}".',
    newer: '"{keyword}" needs keepalived {since} or later (target is {version}).',
    notBuilt: '"{keyword}" is not in keepalived {version} as Debian builds it (without the option it belongs to); keepalived reports it as an unknown keyword.',
    caseMismatch: 'Unknown keyword "{keyword}": keywords are case-sensitive; use "{suggestion}".',
    definition: 'Unknown keyword "{keyword}": a definition needs "=" right after the name, with no blanks ("{suggestion}").',
    opensBlock: ' keepalived ignores its "{"; the contents are read as keywords of {block}, and its "}" closes {block}.',
    opensBlockRoot: ' keepalived ignores its "{"; the contents are read as top-level keywords, and its "}" is reported as an unknown keyword.',
    bom: 'The file starts with a UTF-8 byte order mark, which keepalived reads as part of "{suggestion}": the keyword is unknown and its block is lost. Save the file without a BOM.',
    backslash:
      'A line "\\" of its own: keepalived {version} keeps the backslash that ends this comment (or stands alone) and reads it as an unknown keyword. Remove the backslash.',
    bomAlone: 'The file starts with a UTF-8 byte order mark, which keepalived reads as an unknown keyword of its own. Save the file without a BOM.',
  },
  check(ctx) {
    forProblems(ctx, ['unknown-keyword'], (p): Report | undefined => {
      const keyword = String(p.data.keyword);
      const path = String(p.data.block);
      if (findRemoved(path, keyword)) return undefined; // removed-keyword reports it
      const block = blockLabel(path);
      const here = blockKeywords(path);
      const valid = here.filter((k) => availableIn(k, ctx.targetVersion));
      const note = p.data.opensBlock ? (path === 'root' ? '+opensBlockRoot' : '+opensBlock') : '';
      const report = (messageId: string, data: Record<string, unknown> = {}, suggestion?: string): Report => ({
        loc: extentLoc(p),
        messageId: messageId + note,
        data: { keyword, block, suggestion, ...data },
        fix: suggestion ? replace(p.loc, suggestion) : undefined,
      });
      const opens = Boolean(p.data.opensBlock);
      // A fix must keep the block structure: a block keyword only where a `{` follows.
      // With the reading never back in step before the end of the file, making the "{" a block's
      // would move every later "}" (fuzz seed 20261142, case 14380): no fix then.
      const unresolved = opens && Boolean(p.data.unresolved);
      const fits = (name: string): boolean => !unresolved && Boolean(valid.find((k) => k.name === name)?.block) === opens;
      if (keyword.startsWith('\ufeff')) {
        const rest = keyword.slice(1);
        if (rest === '') {
          // Deleting the mark only removes the finding when nothing but blanks or a comment
          // follows it on the line (a next word would become the keyword, a "{" would open).
          return { ...report('bomAlone'), fix: restIsBlank(ctx.parse.files[p.loc.file]!.text, p.loc.end) ? replace(p.loc, '') : undefined };
        }
        return valid.some((k) => k.name === rest) && !fits(rest) ? report('bom', { suggestion: rest }) : report('bom', {}, rest);
      }
      // No fix: the backslash is usually part of a comment, which fixes leave alone.
      if (keyword === '\\' && !opens) return report('backslash', { version: ctx.targetVersion });
      const newer = here.find((k) => k.name === keyword);
      // Debian builds 2.2.7 without some options (ipset support...): the keyword is known, not built.
      if (newer?.notInDebian && atLeast(ctx.targetVersion, newer.since))
        return report('notBuilt', { version: ctx.targetVersion });
      if (newer) return report('newer', { since: newer.since, version: ctx.targetVersion });
      const ci = valid.find((k) => k.name.toLowerCase() === keyword.toLowerCase());
      if (ci) return fits(ci.name) ? report('caseMismatch', {}, ci.name) : report('caseMismatch', { suggestion: ci.name });
      const def = /^\$([A-Za-z_]\w*)$/.exec(keyword);
      if (def) return report('definition', { suggestion: `$${def[1]}=VALUE` });
      const elsewhere = keywordEverywhere(keyword).filter((k) => k.parent !== path);
      if (elsewhere.length) {
        const places = [...new Set(elsewhere.map((k) => blockLabel(k.parent)))].join(', ');
        const repl = elsewhere.find((k) => k.deprecated && k.replacement && valid.some((h) => h.name === k.replacement));
        if (repl)
          return fits(repl.replacement!)
            ? report('elsewhereReplace', { places }, repl.replacement)
            : report('elsewhereReplace', { places, suggestion: repl.replacement });
        return report('elsewhere', { places });
      }
      const cands = closest(keyword, valid.filter((k) => Boolean(k.block) === opens).map((k) => k.name));
      if (cands.length === 1) return unresolved ? report('didYouMean', { suggestion: cands[0] }) : report('didYouMean', {}, cands[0]);
      return report('unknown');
    });
  },
});
