// Pairs each argument of a statement with the catalogue parameter it fills.
import { paramsFor, type KeywordSpec, type ParamSpec, type Statement, type Word } from '../grammar/index';
import { walk } from './types';

/** Statements with typed parameters, and those parameters, for one tree in one version. */
interface Typed {
  statements: Statement[];
  params: ParamSpec[][];
  /** For each statement, the index of its parameter list among the distinct ones (`lists`). */
  listOf: number[];
  lists: ParamSpec[][];
  /** The same, limited to statements with a parameter of one of some types (keyed by the set). */
  only?: Map<ReadonlySet<string>, Typed>;
}

const typedTrees = new WeakMap<Statement[], Map<string, Typed>>();

/** The statements of a tree that have arguments and typed parameters (found once, shared by rules). */
function typedStatements(body: Statement[], version: string): Typed {
  let byVersion = typedTrees.get(body);
  if (!byVersion) typedTrees.set(body, (byVersion = new Map()));
  let typed = byVersion.get(version);
  if (!typed) {
    const found: Typed = { statements: [], params: [], listOf: [], lists: [] };
    const bySpec = new Map<KeywordSpec, number>();
    walk(body, (s) => {
      if (!s.spec || s.args.length === 0) return;
      let list = bySpec.get(s.spec);
      if (list === undefined) {
        const params = typedParams(s.spec, version);
        list = params ? found.lists.push(params) - 1 : -1;
        bySpec.set(s.spec, list);
      }
      if (list === -1) return;
      found.statements.push(s);
      found.params.push(found.lists[list]!);
      found.listOf.push(list);
    });
    byVersion.set(version, (typed = found));
  }
  return typed;
}

/** The typed statements that have a parameter of one of `types` (found once per set of types). */
function typedWith(body: Statement[], version: string, types: ReadonlySet<string>): Typed {
  const all = typedStatements(body, version);
  let typed = all.only?.get(types);
  if (!typed) {
    typed = { statements: [], params: [], listOf: [], lists: all.lists };
    const wanted = all.lists.map((params) => params.some((p) => types.has(p.type)));
    for (let n = 0; n < all.statements.length; n++) {
      if (!wanted[all.listOf[n]!]) continue;
      typed.statements.push(all.statements[n]!);
      typed.params.push(all.params[n]!);
      typed.listOf.push(all.listOf[n]!);
    }
    (all.only ??= new Map()).set(types, typed);
  }
  return typed;
}

/**
 * Visits (statement, argument, parameter) for every typed argument outside substitutions that
 * vary, in the statements that have a parameter of one of `types` (other arguments of those
 * statements are visited too: `fn` looks at the parameter's type).
 */
export function forEachParam(
  body: Statement[],
  version: string,
  types: ReadonlySet<string>,
  fn: (s: Statement, arg: Word, param: ParamSpec, index: number) => void,
): void {
  const { statements, params: paramLists } = typedWith(body, version, types);
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
