// Completion: keywords valid in the block around the cursor (snippets for blocks), enum values
// for the argument being typed, and names the file defines where a block expects them.
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Range,
} from 'vscode-languageserver';
import { availableIn, blockKeywords, findKeyword, type KeywordSpec, type ParamSpec, type ParseResult } from '../grammar/index';
import { blockAt, statements } from './ast-query';
import { toRange } from './locations';
import { keywordDoc, keywordMarkdown, signature } from './keyword-docs';
import { declaredNames } from './navigation';

/** What the client can do. */
export interface CompletionOptions {
  snippets: boolean;
  targetVersion: string;
  /** The client resolves documentation lazily (completionItem/resolve): keep the list small. */
  lazyDocs?: boolean;
}

/** Hand-written snippets for the blocks people write most; other blocks get a generic one. */
const SNIPPETS: Record<string, string> = {
  'root > vrrp_instance':
    'vrrp_instance ${1:VI_1} {\n\tstate ${2|MASTER,BACKUP|}\n\tinterface ${3:eth0}\n\tvirtual_router_id ${4:51}\n\tpriority ${5:100}\n\tvirtual_ipaddress {\n\t\t${6:192.168.0.10/24}\n\t}\n}',
  'root > vrrp_script':
    'vrrp_script ${1:chk_service} {\n\tscript "${2:/usr/bin/pgrep -x haproxy}"\n\tinterval ${3:2}\n\tfall ${4:2}\n\trise ${5:2}\n}',
  'root > vrrp_sync_group': 'vrrp_sync_group ${1:VG_1} {\n\tgroup {\n\t\t${2:VI_1}\n\t}\n}',
  'root > virtual_server':
    'virtual_server ${1:192.168.0.10} ${2:80} {\n\tdelay_loop ${3:6}\n\tlb_algo ${4|rr,wrr,lc,wlc,lblc,sh,mh,dh,fo,ovf,lblcr,sed,nq|}\n\tlb_kind ${5|NAT,DR,TUN|}\n\tprotocol ${6|TCP,UDP,SCTP|}\n\n\treal_server ${7:10.0.0.1} ${8:80} {\n\t\tweight ${9:1}\n\t\tTCP_CHECK {\n\t\t\tconnect_timeout ${10:3}\n\t\t}\n\t}\n}',
  'root > virtual_server > real_server': 'real_server ${1:10.0.0.1} ${2:80} {\n\tweight ${3:1}\n\t$0\n}',
  'root > vrrp_instance > authentication': 'authentication {\n\tauth_type ${1|PASS,AH|}\n\tauth_pass ${2:secret}\n}',
  'root > global_defs': 'global_defs {\n\trouter_id ${1:LVS_1}\n\t$0\n}',
};

const BOOLEANS = ['true', 'false', 'on', 'off', 'yes', 'no'];
/** Value blocks whose lines name something the file declares: keyword -> kind of name. */
const NAME_BLOCKS: Record<string, string> = {
  track_script: 'vrrp_script',
  track_file: 'track_file',
  track_process: 'vrrp_track_process',
};

const escapeSnippet = (s: string): string => s.replace(/[$}\\]/g, '\\$&');

function snippetFor(spec: KeywordSpec): string | undefined {
  const key = `${spec.parent} > ${spec.name}`;
  if (SNIPPETS[key]) return SNIPPETS[key];
  const params = (spec.params ?? []).filter((p) => p.required);
  let n = 1;
  const numericDefault = /^\d+(\.\d+)?$/.exec(keywordDoc(spec)?.default?.split(' ')[0] ?? '')?.[0];
  const placeholder = (p: ParamSpec): string => {
    // A number placeholder must itself be valid: the documented default, else the range's minimum.
    if (['uint', 'int', 'decimal', 'timer', 'port'].includes(p.type)) {
      if (params.length === 1 && numericDefault !== undefined) return numericDefault;
      if (typeof p.min === 'number' && Number.isFinite(p.min)) return String(p.min);
    }
    return escapeSnippet(p.name);
  };
  const args = params.map((p) =>
    p.values?.length
      ? `\${${n++}|${p.values.map((v) => v.replace(/[,|]/g, '\\$&')).join(',')}|}`
      : `\${${n++}:${placeholder(p)}}`,
  );
  const head = [escapeSnippet(spec.name), ...args].join(' ');
  if (spec.block) return `${head} {\n\t$0\n}`;
  return args.length ? head : undefined;
}

function keywordItem(spec: KeywordSpec, range: Range, opts: CompletionOptions): CompletionItem {
  const snippet = opts.snippets ? snippetFor(spec) : undefined;
  const item: CompletionItem = {
    label: spec.name,
    kind: spec.block ? CompletionItemKind.Module : CompletionItemKind.Keyword,
    detail: signature(spec),
    documentation: opts.lazyDocs ? undefined : { kind: MarkupKind.Markdown, value: keywordMarkdown(spec) },
    data: opts.lazyDocs ? { keyword: spec.name, parent: spec.parent } : undefined,
    sortText: `${spec.deprecated ? '1' : '0'}${spec.name}`,
    filterText: spec.name,
    textEdit: { range, newText: snippet ?? spec.name },
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  if (spec.deprecated) item.tags = [CompletionItemTag.Deprecated];
  return item;
}

function valueItems(values: string[], range: Range, kind: CompletionItemKind, detail: string): CompletionItem[] {
  return [...new Set(values)].map((v, i) => ({
    label: v,
    kind,
    detail,
    sortText: String(i).padStart(4, '0'),
    textEdit: { range, newText: v },
  }));
}

/** Interface names already used in the file (interface, track_interface, `dev X`, any ifname argument). */
export function interfaceNames(parse: ParseResult): string[] {
  let names = interfaceCache.get(parse);
  if (!names) interfaceCache.set(parse, (names = collectInterfaces(parse)));
  return names;
}

const interfaceCache = new WeakMap<ParseResult, string[]>();

function collectInterfaces(parse: ParseResult): string[] {
  const out = new Set<string>();
  for (const s of statements(parse.body)) {
    s.spec?.params?.forEach((p, i) => {
      if (p.type === 'ifname' && s.args[i]) out.add(s.args[i]!.text);
    });
    if (s.keyword.text === 'track_interface') for (const e of s.entries ?? []) if (e[0]) out.add(e[0].text);
    for (const e of s.entries ?? []) e.forEach((w, i) => w.text === 'dev' && e[i + 1] && out.add(e[i + 1]!.text));
    s.args.forEach((w, i) => w.text === 'dev' && s.args[i + 1] && out.add(s.args[i + 1]!.text));
  }
  return [...out].sort();
}

/** Words of the line before the cursor (after the last brace), and where the typed prefix starts. */
function lineContext(
  text: string,
  lineStart: number,
  offset: number,
): { words: string[]; prefixStart: number } | undefined {
  let before = text.slice(lineStart, offset);
  let quoted = false;
  let cut = 0;
  let inVar = false;
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '{' && before[i - 1] === '$') inVar = true;
    else if (c === '}' && inVar) inVar = false;
    else if (c === '#' || c === '!')
      return undefined; // in a comment
    else if (c === '{' || c === '}') cut = i + 1;
  }
  if (quoted) return undefined;
  before = before.slice(cut);
  const m = /[^ \t]*$/.exec(before)!;
  const words = before.trim() === '' ? [''] : before.trimStart().split(/[ \t]+/);
  return { words, prefixStart: offset - m[0].length };
}

/** Completion items at an offset of file 0. */
export function complete(parse: ParseResult, offset: number, opts: CompletionOptions): CompletionItem[] {
  const file = parse.files[0];
  if (!file) return [];
  const text = file.text;
  const lineStart = file.lines.lineStart(file.lines.lineOf(offset));
  const ctx = lineContext(text, lineStart, offset);
  if (!ctx) return [];
  let wordEnd = offset;
  while (wordEnd < text.length && !/[\s{}#!]/.test(text[wordEnd]!)) wordEnd++;
  const range = toRange(parse, { file: 0, start: ctx.prefixStart, end: wordEnd });
  const done = ctx.words.length - 1; // words completed before the one being typed
  const typed = ctx.words[done]!;
  if (typed.startsWith('$')) {
    // A $NAME reference: the definitions made so far (braced form when the user typed `${`).
    const braced = typed.startsWith('${');
    const names = [
      ...new Set(parse.definitions.filter((d) => d.loc.file !== 0 || d.loc.start < offset).map((d) => d.name)),
    ];
    return names.map((n) => {
      const d = parse.definitions.filter((x) => x.name === n).pop()!;
      return {
        label: `$${n}`,
        kind: CompletionItemKind.Variable,
        detail: d.value,
        filterText: braced ? `\${${n}}` : `$${n}`,
        textEdit: {
          range:
            braced && text[wordEnd] === '}'
              ? toRange(parse, { file: 0, start: ctx.prefixStart, end: wordEnd + 1 })
              : range,
          newText: braced ? `\${${n}}` : `$${n}`,
        },
      };
    });
  }
  const block = blockAt(parse, offset);

  if (block.stmt?.entries) {
    if (done > 0) return [];
    const name = block.stmt.keyword.text;
    const kind = NAME_BLOCKS[name];
    if (kind) return valueItems(declaredNames(parse, kind), range, CompletionItemKind.Reference, kind);
    if (name === 'group' && block.path === 'root > vrrp_sync_group > group') {
      return valueItems(declaredNames(parse, 'vrrp_instance'), range, CompletionItemKind.Reference, 'vrrp_instance');
    }
    if (name === 'track_interface')
      return valueItems(interfaceNames(parse), range, CompletionItemKind.Value, 'interface');
    return [];
  }

  if (done === 0) {
    const out = blockKeywords(block.path)
      .filter((k) => availableIn(k, opts.targetVersion))
      .map((k) => keywordItem(k, range, opts));
    // `include` is read by the preprocessor, so it is valid in every block.
    out.push({
      label: 'include',
      kind: CompletionItemKind.Keyword,
      detail: 'include PATTERN',
      documentation: {
        kind: MarkupKind.Markdown,
        value:
          'Reads the files matching a glob pattern here, as if their text stood in place of this line. Relative patterns are relative to this file’s folder.',
      },
      sortText: '0include',
      textEdit: { range, newText: opts.snippets ? 'include ${1:/etc/keepalived/conf.d/*.conf}' : 'include' },
      insertTextFormat: opts.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    });
    return out;
  }

  const keyword = ctx.words[0]!;
  const spec = findKeyword(block.path, keyword);
  if (!spec) return [];
  if (spec.name === 'virtual_server' && block.path === 'root' && done === 2 && ctx.words[1] === 'group') {
    return valueItems(
      declaredNames(parse, 'virtual_server_group'),
      range,
      CompletionItemKind.Reference,
      'virtual_server_group',
    );
  }
  const param = spec.params?.[done - 1];
  if (!param) return [];
  if (param.values?.length)
    return valueItems(param.values, range, CompletionItemKind.EnumMember, `${spec.name} ${param.name}`);
  if (param.type === 'bool')
    return valueItems(BOOLEANS, range, CompletionItemKind.EnumMember, `${spec.name} ${param.name}`);
  if (param.type === 'ifname') return valueItems(interfaceNames(parse), range, CompletionItemKind.Value, 'interface');
  return [];
}

/** Fills in the documentation of a keyword item sent without it (completionItem/resolve). */
export function resolveCompletion(item: CompletionItem): CompletionItem {
  const data = item?.data as { keyword?: unknown; parent?: unknown } | undefined;
  if (typeof data?.keyword !== 'string' || typeof data.parent !== 'string') return item;
  const spec = findKeyword(data.parent, data.keyword);
  if (spec) item.documentation = { kind: MarkupKind.Markdown, value: keywordMarkdown(spec) };
  return item;
}
