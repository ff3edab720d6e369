// Inline suppression comments:
//   # keepalived-lint disable-next-line RULE[, RULE] -- reason
//   # keepalived-lint disable-line RULE
//   # keepalived-lint disable RULE        (until `enable RULE` or the end of the file)
//   # keepalived-lint enable RULE
// Without rule ids a directive applies to every rule. `!` comments work the same way.
import type { Loc, ParseResult } from '../grammar/index';

/** A parsed directive. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  rules: string[] | undefined;
  loc: Loc;
  line: number;
  used: boolean;
}

const DIRECTIVE = /^[#!]\s*keepalived-lint\s+(disable-next-line|disable-line|disable|enable)\b([^]*)$/;

/** Finds the directives in the parse's comments. */
export function directives(parse: ParseResult): Directive[] {
  const out: Directive[] = [];
  for (const c of parse.comments) {
    const f = parse.files[c.file]!;
    const text = f.text.slice(c.start, c.end);
    const m = DIRECTIVE.exec(text);
    if (!m) continue;
    const list = m[2]!.split('--')[0]!.trim();
    const rules = list ? list.split(/[\s,]+/).filter(Boolean) : undefined;
    out.push({ kind: m[1] as Directive['kind'], rules, loc: c, line: f.lines.lineOf(c.start), used: false });
  }
  return out;
}

/** Decides whether a finding is suppressed, and marks the directive that did it as used. */
export class Suppressor {
  private readonly byFile = new Map<number, Directive[]>();

  constructor(readonly all: Directive[]) {
    for (const d of all) {
      const list = this.byFile.get(d.loc.file);
      if (list) list.push(d);
      else this.byFile.set(d.loc.file, [d]);
    }
  }

  /** Whether any directive stands in a file (else nothing there is suppressed). */
  applies(file: number): boolean {
    return this.byFile.has(file);
  }

  /** True when the rule is suppressed at loc (line is the 0-based line of loc.start). */
  suppressed(ruleId: string, loc: Loc, line: number): boolean {
    const list = this.byFile.get(loc.file);
    if (!list) return false;
    const applies = (d: Directive): boolean => !d.rules || d.rules.includes(ruleId);
    let hit: Directive | undefined;
    for (const d of list) {
      if (!applies(d)) continue;
      if (d.kind === 'disable-next-line' && d.line + 1 === line) hit = d;
      else if (d.kind === 'disable-line' && d.line === line) hit = d;
    }
    if (!hit) {
      let active: Directive | undefined;
      for (const d of list) {
        if (d.loc.start > loc.start) break;
        if (!applies(d)) continue;
        if (d.kind === 'disable') active = d;
        else if (d.kind === 'enable') active = undefined;
      }
      hit = active;
    }
    if (hit) hit.used = true;
    return hit !== undefined;
  }
}
