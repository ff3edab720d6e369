// Rules whose findings come straight from the reader or builder share this small adapter.
import type { ParseProblem } from '../grammar/index';
import type { Fix, Loc } from '../grammar/index';
import type { Report, RuleContext } from './types';

/** Calls fn for every parse problem with one of the given codes. */
export function forProblems(ctx: RuleContext, codes: string[], fn: (p: ParseProblem) => Report | undefined): void {
  for (const p of ctx.parse.problems) {
    if (!codes.includes(p.code)) continue;
    const r = fn(p);
    if (r) ctx.report(r);
  }
}

/** A problem's location, widened to the extent of the cascade it caused. */
export function extentLoc(p: ParseProblem): Loc {
  const end = typeof p.data.extentEnd === 'number' ? Math.max(p.loc.end, p.data.extentEnd) : p.loc.end;
  return { file: p.loc.file, start: p.loc.start, end };
}

/** A fix replacing a location's text. */
export function replace(loc: Loc, text: string): Fix {
  return { file: loc.file, start: loc.start, end: loc.end, text };
}
