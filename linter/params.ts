// Pairs each argument of a statement with the catalogue parameter it fills.
import { paramsFor, type KeywordSpec, type ParamSpec, type Statement, type Word } from '../grammar/index';
import { walk } from './types';

/** Statements with typed parameters, and those parameters, for one tree in one version. */
interface Typed {
  statements: Statement[];
  /** For each statement, the index of its parameter list in `lists` (one per keyword). */
  listOf: Int32Array;
  lists: ParamSpec[][];
  /** Indices of the statements that have a parameter of one of some types (keyed by the set). */
  only: Map<ReadonlySet<string>, Int32Array>;
}

const typedTrees = new WeakMap<Statement[], Map<string, Typed>>();

/** The statements of a tree that have arguments and typed parameters (found once, shared by rules). */
function typedStatements(body: Statement[], version: string): Typed {
  let byVersion = typedTrees.get(body);
  if (!byVersion) typedTrees.set(body, (byVersion = new Map()));
  let typed = byVersion.get(version);
  if (!typed) {
    const statements: Statement[] = [];
    const listOf: number[] = [];
    const lists: ParamSpec[][] = [];
    const bySpec = new Map<KeywordSpec, number>();
    walk(body, (s) => {
      if (!s.spec || s.args.length === 0) return;
      let list = bySpec.get(s.spec);
      if (list === undefined) {
        const params = typedParams(s.spec, version);
        list = params ? lists.push(params) - 1 : -1;
        bySpec.set(s.spec, list);
      }
      if (list === -1) return;
      statements.push(s);
      listOf.push(list);
    });
    // Kept for as long as the parse: compact (a large config has some 400k typed statements).
    typed = { statements, listOf: Int32Array.from(listOf), lists, only: new Map() };
    byVersion.set(version, typed);
  }
  return typed;
}

/** The indices of the typed statements that have a parameter of one of `types` (found once per set). */
function typedWith(typed: Typed, types: ReadonlySet<string>): Int32Array {
  let only = typed.only.get(types);
  if (!only) {
    const wanted = typed.lists.map((params) => params.some((p) => types.has(p.type)));
    let count = 0;
    for (let n = 0; n < typed.listOf.length; n++) if (wanted[typed.listOf[n]!]) count++;
    only = new Int32Array(count);
    count = 0;
    for (let n = 0; n < typed.listOf.length; n++) if (wanted[typed.listOf[n]!]) only[count++] = n;
    typed.only.set(types, only);
  }
  return only;
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
  const typed = typedStatements(body, version);
  const only = typedWith(typed, types);
  for (let k = 0; k < only.length; k++) {
    const n = only[k]!;
    const s = typed.statements[n]!;
    const params = typed.lists[typed.listOf[n]!]!;
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
