// Pairs each argument of a statement with the catalogue parameter it fills.
import { paramsFor, type KeywordSpec, type ParamSpec, type Statement, type Word } from '../grammar/index';
import { walk } from './types';

/** Statements with typed parameters, and those parameters, for one tree in one version. */
interface Typed {
  statements: Statement[];
  params: ParamSpec[][];
}

const typedTrees = new WeakMap<Statement[], Map<string, Typed>>();

/** The statements of a tree that have arguments and typed parameters (found once, shared by rules). */
function typedStatements(body: Statement[], version: string): Typed {
  let byVersion = typedTrees.get(body);
  if (!byVersion) typedTrees.set(body, (byVersion = new Map()));
  let typed = byVersion.get(version);
  if (!typed) {
    const found: Typed = { statements: [], params: [] };
    const bySpec = new Map<KeywordSpec, ParamSpec[] | null>();
    walk(body, (s) => {
      if (!s.spec || s.args.length === 0) return;
      let params = bySpec.get(s.spec);
      if (params === undefined) bySpec.set(s.spec, (params = typedParams(s.spec, version)));
      if (!params) return;
      found.statements.push(s);
      found.params.push(params);
    });
    byVersion.set(version, (typed = found));
  }
  return typed;
}

/** Visits (statement, argument, parameter) for every typed argument outside substitutions that vary. */
export function forEachParam(
  body: Statement[],
  version: string,
  fn: (s: Statement, arg: Word, param: ParamSpec, index: number) => void,
): void {
  const { statements, params: paramLists } = typedStatements(body, version);
  for (let n = 0; n < statements.length; n++) {
    const s = statements[n]!;
    const params = paramLists[n]!;
    // An optional enum word may be left out (`garp_extra_if 5` for `[all] seconds`): a word that
    // is not one of its values fills the next parameter instead.
    let p = 0;
    for (let i = 0; i < s.args.length && p < params.length; i++, p++) {
      const arg = s.args[i]!;
      let param = params[p]!;
      if (param.type === 'enum' && !param.required && param.values && !param.values.includes(arg.text) && p + 1 < params.length) {
        param = params[++p]!;
      }
      if (arg.opaque) continue;
      fn(s, arg, param, i);
    }
  }
}

/** A keyword's parameters in a version, or null when there is nothing to check. */
function typedParams(spec: KeywordSpec, version: string): ParamSpec[] | null {
  const all = paramsFor(spec, version);
  // `virtual_server fwmark N` / `virtual_server group NAME` shift the meaning of later words.
  return !all || all.length === 0 || all.some((p) => p.type === 'vs_address') ? null : all;
}
