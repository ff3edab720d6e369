// Runs the rules over a parse, applies severities and suppressions, formats messages.
import { NEWEST_VERSION, type Fix, type Loc, type ParseResult } from '../grammar/index';
import { mergeBlockFindings, type BlockCache, type BlockPlan } from './block-cache';
import { chunksOf, releaseView, runChunked } from './chunks';
import type { LintOptions } from './config';
import { format, template } from './messages';
import { internalErrorRule, unusedDisableDirective } from './pseudo-rules';
import { rules } from './registry';
import { directives, Suppressor } from './suppressions';
import type { Diagnostic, Report, Rule, Severity, SeveritySetting } from './types';

/** Resolves a configured severity. */
export function effectiveSeverity(setting: SeveritySetting | undefined, fallback: Severity): Severity | 'off' {
  if (setting === undefined) return fallback;
  return setting === 'warn' ? 'warning' : setting;
}

/** Turns a rule's report into a diagnostic with a formatted message. */
export function toDiagnostic(rule: Pick<Rule, 'id' | 'messages'>, r: Report, severity: Severity, options: LintOptions): Diagnostic {
  const locale = options.locale ?? 'en';
  const one = (id: string, data: Record<string, unknown>): string => format(template(rule.id, id, rule.messages[id] ?? id, locale), data);
  // `a+b`: two messages in one.
  const text = (id: string, data: Record<string, unknown>): string =>
    id.includes('+')
      ? id
          .split('+')
          .map((part) => one(part, data))
          .join('')
      : one(id, data);
  const data = r.data ?? {};
  // Places are copied: a rule may report a word of the AST, which a later re-read moves in place.
  const d: Diagnostic = { ruleId: rule.id, messageId: r.messageId, severity, message: text(r.messageId, data), loc: place(r.loc), data };
  if (r.fix) d.fix = { file: r.fix.file, start: r.fix.start, end: r.fix.end, text: r.fix.text };
  if (r.tags) d.tags = r.tags;
  if (r.related) d.related = r.related.map((x) => ({ loc: place(x.loc), message: text(x.messageId, x.data ?? {}) }));
  return d;
}

const place = (l: Loc): Loc => ({ file: l.file, start: l.start, end: l.end });

/** A rule that threw: reported at the top of the file instead of taking the run down. */
export function internalError(ruleId: string, e: unknown, options: LintOptions = {}): Diagnostic {
  const data = { rule: ruleId, error: e instanceof Error ? e.message : String(e) };
  return toDiagnostic(internalErrorRule, { loc: { file: 0, start: 0, end: 0 }, messageId: 'crash', data }, 'error', options);
}

/** The severity a rule reports with under the options: 'off', or a function of the report. */
export function severityFor(rule: Pick<Rule, 'id' | 'meta'>, options: LintOptions): 'off' | ((r: Report) => Severity) {
  const setting = effectiveSeverity(options.rules?.[rule.id], rule.meta.severity);
  if (setting === 'off') return 'off';
  // A severity set in the configuration wins over the rule's per-report choice.
  if (options.rules?.[rule.id] !== undefined) return () => setting;
  return (r) => r.severity ?? setting;
}

/**
 * Lints one parsed configuration (a root file with its includes). With a cache (the same one for
 * each version of a document), block-local rules only check the top-level blocks whose text is new
 * since the last lint (see block-cache.ts); the result is the same.
 */
export function lintParse(parse: ParseResult, options: LintOptions = {}, cache?: BlockCache): Diagnostic[] {
  const plan = cache?.plan(parse, options);
  if (cache && plan) {
    const out = runRules(parse, options, plan);
    if (out) {
      cache.keep(plan);
      return out;
    }
    cache.ranWhole(parse);
  }
  return runRules(parse, options)!;
}

/**
 * Block-local rules run a chunk at a time on a large parse (see chunks.ts): each rule's findings,
 * for the rules that could be run so; undefined when none could.
 */
function chunkedFindings(parse: ParseResult, options: LintOptions, targetVersion: string): Map<Rule, Diagnostic[]> | undefined {
  const plan = chunksOf(parse, options.chunkStatements);
  if (!plan) return undefined;
  const { local, make } = blockRules(options);
  return runChunked(plan, local, targetVersion, make, options.timing);
}

/** The block-local rules the options leave on, and how a report of one becomes a finding. */
export function blockRules(options: LintOptions): { local: Rule[]; make: (rule: Rule, r: Report) => Diagnostic } {
  const severities = new Map<Rule, (r: Report) => Severity>();
  for (const rule of rules) {
    const severity = severityFor(rule, options);
    if (rule.meta.scope === 'block' && severity !== 'off') severities.set(rule, severity);
  }
  const make = (rule: Rule, r: Report): Diagnostic => toDiagnostic(rule, r, severities.get(rule)!(r), options);
  return { local: [...severities.keys()], make };
}

/**
 * Lints a parse whose block-local rules' findings are known (each rule's, in the order it made
 * them, as runChunked gives them: linter/stream.ts): runs the other rules and finalizes.
 */
export function lintWithBlockFindings(parse: ParseResult, options: LintOptions, found: Map<Rule, Diagnostic[]>): Diagnostic[] {
  return runRules(parse, options, undefined, found)!;
}

/** Runs every rule and finalizes; undefined when a block-local rule's findings could not be split. */
function runRules(parse: ParseResult, options: LintOptions, plan?: BlockPlan, found?: Map<Rule, Diagnostic[]>): Diagnostic[] | undefined {
  const targetVersion = options.targetVersion ?? parse.targetVersion ?? NEWEST_VERSION;
  const out: Diagnostic[] = [];
  const timing = options.timing;
  // Without a cache (the CLI), a large parse's block-local rules go a chunk at a time; their
  // findings join the others in the rules' order, as if each rule had run on the whole parse.
  const chunked = found ?? (plan ? undefined : chunkedFindings(parse, options, targetVersion));
  for (const rule of rules) {
    const early = chunked?.get(rule);
    if (early) {
      for (const d of early) out.push(d);
      continue;
    }
    const started = timing ? performance.now() : 0;
    const severity = severityFor(rule, options);
    if (severity === 'off') continue;
    const local = plan !== undefined && rule.meta.scope === 'block';
    const found: Diagnostic[] = local ? [] : out;
    try {
      rule.check({
        parse: local ? plan.view : parse,
        targetVersion,
        report: (r) => found.push(toDiagnostic(rule, r, severity(r), options)),
      });
    } catch (e) {
      if (local) return undefined;
      out.push(internalError(rule.id, e, options));
    }
    if (local) {
      const merged = mergeBlockFindings(plan, rule, found);
      if (!merged) return undefined;
      for (const d of merged) out.push(d);
    }
    if (timing) timing[rule.id] = (timing[rule.id] ?? 0) + performance.now() - started;
  }
  if (plan) releaseView(plan.view);
  const started = timing ? performance.now() : 0;
  const kept = finalize(parse, out, options);
  if (timing) timing['(finalize)'] = (timing['(finalize)'] ?? 0) + performance.now() - started;
  return kept;
}

/** Applies suppressions, removes duplicates and sorts by place. */
export function finalize(parse: ParseResult, diags: Diagnostic[], options: LintOptions): Diagnostic[] {
  const sup = new Suppressor(directives(parse));
  // keepalived cuts lines over 1023 bytes; an edit on such a line moves the cut, so no fixes there.
  const longLines = new Set<string>();
  for (const p of parse.problems) {
    if (p.code === 'line-too-long') longLines.add(`${p.loc.file}:${parse.files[p.loc.file]!.lines.lineOf(p.loc.start)}`);
  }
  // Findings of one rule at one place with one message are one: keyed by the place, the messages
  // compared only between findings there (a key holding the message cost 20 ms on 8,680 findings).
  // A place may have many (every copy of a `~SEQ` line maps to its one line): a set then.
  const seen = new Map<string, string | Set<string>>();
  const kept: Diagnostic[] = [];
  const lastLines = new Map<number, number>();
  for (let d of diags) {
    const key = `${d.ruleId}|${d.loc.file}|${d.loc.start}|${d.loc.end}`;
    const had = seen.get(key);
    if (had === undefined) seen.set(key, d.message);
    else if (typeof had === 'string') {
      if (had === d.message) continue;
      seen.set(key, new Set([had, d.message]));
    } else if (had.has(d.message)) continue;
    else had.add(d.message);
    const f = parse.files[d.loc.file];
    if (f && sup.applies(d.loc.file) && sup.suppressed(d.ruleId, d.loc, f.lines.lineOf(d.loc.start))) continue;
    if (f) {
      let nl = lastLines.get(d.loc.file);
      if (nl === undefined) lastLines.set(d.loc.file, (nl = unterminatedLastLine(f.text)));
      // A copy: a cached finding may be handed out again (see block-cache.ts).
      if (nl !== -1 && d.loc.start > nl) d = { ...d, loc: { ...d.loc, start: nl } };
    }
    if (
      d.fix &&
      (touchesReference(parse, d.fix) ||
        touchesReplication(parse, d.fix) ||
        movesEscape(parse.files[d.fix.file]?.text, d.fix) ||
        (longLines.size && longLines.has(`${d.fix.file}:${parse.files[d.fix.file]?.lines.lineOf(d.fix.start)}`)))
    ) {
      // A copy without the fix: a cached finding may be handed out again (see block-cache.ts).
      const { fix: _dropped, ...rest } = d;
      d = rest;
    }
    kept.push(d);
  }
  if (options.reportUnusedDisableDirectives) {
    for (const dir of sup.all) {
      if (dir.used || dir.kind === 'enable') continue;
      const data = dir.rules ? { kind: dir.kind, rules: dir.rules.join(', ') } : { kind: dir.kind };
      const messageId = dir.rules ? 'unusedRules' : 'unused';
      kept.push(toDiagnostic(unusedDisableDirective, { loc: dir.loc, messageId, data, fix: { ...dir.loc, text: '' } }, 'warning', options));
    }
  }
  kept.sort((a, b) => a.loc.file - b.loc.file || a.loc.start - b.loc.start || a.loc.end - b.loc.end);
  return kept;
}

/**
 * Where a file's last line starts, less one (its line break's offset), when that line has no line
 * break of its own; -1 otherwise. keepalived counts a line when it reads its `\n`, so the messages
 * of its first pass (braces, includes, global_defs) give such a line the number of the line before.
 * Findings on it start at the end of that line, so that they cover the line keepalived names too.
 */
function unterminatedLastLine(text: string): number {
  if (text.length === 0 || text.endsWith('\n')) return -1;
  return text.lastIndexOf('\n');
}

/** Characters a `\` before them turns into literals (a comment start, a quote). */
const ESCAPABLE = new Set(['#', '!', '"']);

/**
 * Whether a fix would make or break a `\#`, `\!` or `\"` at its edges: deleting the `}` of
 * `\}! note` turns the comment into words (RB-20). Such a fix changes more than it names: none.
 */
function movesEscape(text: string | undefined, fix: Fix): boolean {
  if (text === undefined) return false;
  const { start, end } = fix;
  const before = text[start - 1];
  const after = text[end];
  const first = fix.text.length ? fix.text[0] : after;
  const last = fix.text.length ? fix.text[fix.text.length - 1] : before;
  // A new pair across either edge of the edit...
  if (last === '\\' && after !== undefined && ESCAPABLE.has(after)) return true;
  if (before === '\\' && first !== undefined && ESCAPABLE.has(first)) return true;
  // ...or an old pair the edit cuts.
  if (end > start && before === '\\' && ESCAPABLE.has(text[start]!)) return true;
  return end > start && text[end - 1] === '\\' && after !== undefined && ESCAPABLE.has(after);
}

/** A fix that edits `$NAME` text would change the definition's every use (or break it): none. */
function touchesReference(parse: ParseResult, fix: Loc): boolean {
  for (const r of parse.references) if (touches(r.loc, fix)) return true;
  return false;
}

/**
 * A fix in a line that `~SEQ`/`~LST` replicates would change every copy, while its diagnostic
 * speaks of one (deleting the `}` of one copy deletes it from all of them, RB-21): none.
 */
function touchesReplication(parse: ParseResult, fix: Loc): boolean {
  for (const r of parse.replications) if (touches(r, fix)) return true;
  return false;
}

/** Whether a fix overlaps a range or edits right at its edge. */
const touches = (range: Loc, fix: Loc): boolean => range.file === fix.file && fix.start <= range.end && fix.end >= range.start;

/** Locations sorted for output. */
export function byPlace(a: Loc, b: Loc): number {
  return a.file - b.file || a.start - b.start;
}
