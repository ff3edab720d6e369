// Pairs each argument of a statement with the catalogue parameter it fills.
import { paramsFor, type KeywordSpec, type ParamSpec, type Statement, type Word } from '../grammar/index';
import { allStatements } from './types';

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

/** Drops the typed statements found for a tree no longer used. */
export function forgetTypedStatements(body: Statement[]): void {
  typedTrees.delete(body);
}

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
    const all = allStatements(body);
    for (let n = 0; n < all.length; n++) {
      const s = all[n]!;
      if (!s.spec || s.args.length === 0) continue;
      let list = bySpec.get(s.spec);
      if (list === undefined) {
        const params = typedParams(s.spec, version);
        list = params ? lists.push(params) - 1 : -1;
        bySpec.set(s.spec, list);
      }
      if (list === -1) continue;
      statements.push(s);
      listOf.push(list);
    }
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
    const wanted = Uint8Array.from(typed.lists, (params) => (params.some((p) => types.has(p.type)) ? 1 : 0));
    only = positionsIn(typed.listOf, wanted);
    typed.only.set(types, only);
  }
  return only;
}

/**
 * The positions whose list is wanted. One loop in a function of its own: V8 compiles it on the
 * spot (on-stack replacement) and nothing after it can send it back to the interpreter halfway.
 */
function positionsIn(listOf: Int32Array, wanted: Uint8Array): Int32Array {
  const out = new Int32Array(listOf.length);
  let count = 0;
  for (let n = 0; n < listOf.length; n++) if (wanted[listOf[n]!] === 1) out[count++] = n;
  return out.slice(0, count);
}

/**
 * Steps through (statement, argument, parameter) for every typed argument outside substitutions
 * that vary, in the statements that have a parameter of one of some types (the other arguments of
 * those statements too: a rule looks at the parameter's type). Used as
 * `for (const c = typedArgs(...); c.next(); ) use(c.statement, c.arg, c.param)`: the loop stays in
 * the rule, where V8 compiles it with the rule's own code, rather than in a shared helper calling
 * every rule's callback through one (megamorphic) call site.
 */
export class ParamCursor {
  statement!: Statement;
  arg!: Word;
  param!: ParamSpec;
  private k = -1;
  private i = 0;
  private p = 0;
  private params: ParamSpec[] = [];

  constructor(
    private readonly typed: Typed,
    private readonly only: Int32Array,
  ) {}

  /** Moves to the next typed argument; false at the end. */
  next(): boolean {
    for (;;) {
      if (this.k >= 0) {
        const args = this.statement.args;
        const params = this.params;
        while (this.i < args.length && (this.p < params.length || params[params.length - 1]!.repeat)) {
          const arg = args[this.i++]!;
          // A repeated last parameter takes every later word.
          let param = params[Math.min(this.p, params.length - 1)]!;
          // An optional enum word may be left out (`garp_extra_if 5` for `[all] seconds`): a word
          // that is not one of its values fills the next parameter instead.
          if (
            param.type === 'enum' &&
            !param.required &&
            param.values &&
            !param.values.includes(arg.text) &&
            this.p + 1 < params.length
          ) {
            param = params[++this.p]!;
          }
          this.p++;
          if (arg.opaque) continue;
          this.arg = arg;
          this.param = param;
          return true;
        }
      }
      if (++this.k >= this.only.length) return false;
      const n = this.only[this.k]!;
      this.statement = this.typed.statements[n]!;
      this.params = this.typed.lists[this.typed.listOf[n]!]!;
      this.i = 0;
      this.p = 0;
    }
  }
}

/** A cursor over the typed arguments of the statements that have a parameter of one of `types`. */
export function typedArgs(body: Statement[], version: string, types: ReadonlySet<string>): ParamCursor {
  const typed = typedStatements(body, version);
  return new ParamCursor(typed, typedWith(typed, types));
}

/** A keyword's parameters in a version, or null when there is nothing to check. */
function typedParams(spec: KeywordSpec, version: string): ParamSpec[] | null {
  const all = paramsFor(spec, version);
  // `virtual_server fwmark N` / `virtual_server group NAME` shift the meaning of later words.
  return !all || all.length === 0 || all.some((p) => p.type === 'vs_address') ? null : all;
}
