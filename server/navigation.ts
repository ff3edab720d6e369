// Named things and their uses, across the document and its includes: vrrp_script,
// vrrp_instance, track_file, vrrp_track_process, virtual_server_group and $NAME definitions.
// Serves go to definition, references and rename.
import {
  DocumentHighlightKind,
  type DocumentHighlight,
  type Location,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Loc, ParseResult, Word } from '../grammar/index';
import { isLiteral, statements } from './ast-query';
import { fileUri, toLocation, toRange } from './locations';

/** One declaration or use of a name. */
export interface Occurrence {
  kind: string;
  name: string;
  /** The whole word (what go-to lands on). */
  loc: Loc;
  /** Exactly the characters of the name (what rename replaces). */
  nameLoc: Loc;
  decl: boolean;
}

/** Root blocks that declare a name, and the kind of name. */
const DECLARERS: Record<string, string> = {
  vrrp_script: 'vrrp_script',
  vrrp_instance: 'vrrp_instance',
  track_file: 'track_file',
  vrrp_track_file: 'track_file',
  vrrp_track_process: 'vrrp_track_process',
  virtual_server_group: 'virtual_server_group',
};

/** Value blocks whose lines start with a reference: keyword -> kind. */
const TRACKERS: Record<string, string> = {
  track_script: 'vrrp_script',
  track_file: 'track_file',
  track_process: 'vrrp_track_process',
};

const index = new WeakMap<ParseResult, Occurrence[]>();

/** Every occurrence of a named thing in a parse (computed once per parse). */
export function occurrences(parse: ParseResult): Occurrence[] {
  let list = index.get(parse);
  if (list) return list;
  list = [];
  const add = (kind: string, w: Word | undefined, decl: boolean): void => {
    if (!w || w.text === '' || !isLiteral(parse, w)) return;
    // Quoted words: the name sits inside the quotes.
    const nameLoc = w.quoted
      ? { file: w.file, start: w.start + 1, end: w.end - 1 }
      : { file: w.file, start: w.start, end: w.end };
    list!.push({ kind, name: w.text, loc: { file: w.file, start: w.start, end: w.end }, nameLoc, decl });
  };
  for (const s of statements(parse.body)) {
    if (!s.spec) continue;
    const name = s.keyword.text;
    if (s.parentPath === 'root' && DECLARERS[name]) add(DECLARERS[name]!, s.args[0], true);
    else if (s.entries && TRACKERS[name]) for (const e of s.entries) add(TRACKERS[name]!, e[0], false);
    else if (s.entries && name === 'group' && s.parentPath === 'root > vrrp_sync_group')
      for (const e of s.entries) for (const w of e) add('vrrp_instance', w, false);
    else if (name === 'track_file' && !s.entries && !s.children) add('track_file', s.args[0], false);
    else if (name === 'virtual_server' && s.args[0]?.text === 'group') add('virtual_server_group', s.args[1], false);
  }
  for (const d of parse.definitions) {
    const f = parse.files[d.nameLoc.file];
    // ~SEQ variables have no `$NAME=` text of their own.
    if (!f || f.text.slice(d.nameLoc.start, d.nameLoc.end) !== `$${d.name}`) continue;
    list.push({
      kind: '$',
      name: d.name,
      loc: d.nameLoc,
      nameLoc: { ...d.nameLoc, start: d.nameLoc.start + 1 },
      decl: true,
    });
  }
  for (const r of parse.references) {
    if (r.builtin) continue;
    const f = parse.files[r.loc.file];
    if (!f) continue;
    const text = f.text.slice(r.loc.start, r.loc.end);
    const at = text.startsWith('${') ? 2 : text.startsWith('$') ? 1 : -1;
    if (at === -1 || text.slice(at, at + r.name.length) !== r.name) continue;
    const start = r.loc.start + at;
    list.push({
      kind: '$',
      name: r.name,
      loc: r.loc,
      nameLoc: { file: r.loc.file, start, end: start + r.name.length },
      decl: false,
    });
  }
  index.set(parse, list);
  return list;
}

const within = (l: Loc, offset: number, self: number): boolean =>
  l.file === self && l.start <= offset && offset <= l.end;

/** The occurrence under an offset of file `self` (the document; 0 unless read through an includer). */
export function occurrenceAt(parse: ParseResult, offset: number, self = 0): Occurrence | undefined {
  return occurrences(parse).find((o) => within(o.loc, offset, self));
}

/** All occurrences of the same thing. */
export function related(parse: ParseResult, o: Occurrence): Occurrence[] {
  return occurrences(parse).filter((x) => x.kind === o.kind && x.name === o.name);
}

/** Declarations of the thing under the cursor. */
export function definition(parse: ParseResult, offset: number, uri: string, self = 0): Location[] {
  const o = occurrenceAt(parse, offset, self);
  if (!o) return [];
  return related(parse, o)
    .filter((x) => x.decl)
    .map((x) => toLocation(parse, x.loc, uri, self));
}

/** Uses (and, when asked, declarations) of the thing under the cursor. */
export function references(
  parse: ParseResult,
  offset: number,
  uri: string,
  includeDeclaration: boolean,
  self = 0,
): Location[] {
  const o = occurrenceAt(parse, offset, self);
  if (!o) return [];
  return related(parse, o)
    .filter((x) => includeDeclaration || !x.decl)
    .map((x) => toLocation(parse, x.loc, uri, self));
}

/** The range rename may act on, with its current text. */
export function prepareRename(
  parse: ParseResult,
  offset: number,
  self = 0,
): { range: ReturnType<typeof toRange>; placeholder: string } | undefined {
  const o = occurrenceAt(parse, offset, self);
  if (!o) return undefined;
  return { range: toRange(parse, o.nameLoc), placeholder: o.name };
}

/** Names keepalived accepts for these things: no blanks, quotes, braces or comment characters. */
export const VALID_NAME = /^[^\s"'{}#!$]+$/;

/** Edits that rename the thing under the cursor everywhere (every file of the parse). */
export function rename(
  parse: ParseResult,
  offset: number,
  newName: string,
  uri: string,
  self = 0,
): WorkspaceEdit | undefined {
  const o = occurrenceAt(parse, offset, self);
  if (!o) return undefined;
  const valid = o.kind === '$' ? /^[A-Za-z_][A-Za-z0-9_]*$/ : VALID_NAME;
  if (!valid.test(newName))
    throw new Error(`"${newName}" is not a valid ${o.kind === '$' ? 'variable' : o.kind} name.`);
  const changes: Record<string, TextEdit[]> = {};
  const seen = new Set<string>();
  for (const x of related(parse, o)) {
    const key = `${x.nameLoc.file}:${x.nameLoc.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (changes[fileUri(parse, x.nameLoc.file, uri, self)] ??= []).push({
      range: toRange(parse, x.nameLoc),
      newText: newName,
    });
  }
  return { changes };
}

/** Statements that declare names, for tools that list them (completion). */
export function declaredNames(parse: ParseResult, kind: string): string[] {
  return [
    ...new Set(
      occurrences(parse)
        .filter((o) => o.kind === kind && o.decl)
        .map((o) => o.name),
    ),
  ];
}

/** Highlights of the thing under the cursor in the document itself (declarations as Write). */
export function highlights(parse: ParseResult, offset: number, self = 0): DocumentHighlight[] {
  const o = occurrenceAt(parse, offset, self);
  if (!o) return [];
  return related(parse, o)
    .filter((x) => x.loc.file === self)
    .map((x) => ({
      range: toRange(parse, x.loc),
      kind: x.decl ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
    }));
}
