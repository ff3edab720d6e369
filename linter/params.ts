// Pairs each argument of a statement with the catalogue parameter it fills.
import { paramsFor, type ParamSpec, type Statement, type Word } from '../grammar/index';
import { walk } from './types';

/** Visits (statement, argument, parameter) for every typed argument outside substitutions that vary. */
export function forEachParam(
  body: Statement[],
  version: string,
  fn: (s: Statement, arg: Word, param: ParamSpec, index: number) => void): void {
  walk(body, (s) => {
    const params = s.spec && paramsFor(s.spec, version);
    if (!params) return;
    // `virtual_server fwmark N` / `virtual_server group NAME` shift the meaning of later words.
    if (params.some((p) => p.type === 'vs_address')) return;
    const n = Math.min(params.length, s.args.length);
    for (let i = 0; i < n; i++) {
      const arg = s.args[i]!;
      if (arg.opaque) continue;
      fn(s, arg, params[i]!, i);
    }
  });
}
