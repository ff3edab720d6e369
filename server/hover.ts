// Hover: keyword documentation, the parameter under the cursor, and the value of a `$NAME`.
import { MarkupContent, MarkupKind, type Hover, type Range } from 'vscode-languageserver';
import type { Definition, ParseResult } from '../grammar/index';
import { wordAt } from './ast-query';
import { toRange } from './locations';
import { describeParam, keywordMarkdown } from './keyword-docs';
import { occurrenceAt, related } from './navigation';

const fence = (s: string): string => '```keepalived\n' + s + '\n```';

function where(parse: ParseResult, d: Definition, self: number): string {
  const f = parse.files[d.nameLoc.file];
  if (!f) return '';
  const line = f.lines.lineOf(d.nameLoc.start) + 1;
  return d.nameLoc.file === self ? `line ${line}` : `${f.path}:${line}`;
}

function definitionMarkdown(
  parse: ParseResult,
  name: string,
  d: Definition | undefined,
  builtin: boolean,
  self: number,
): string {
  if (builtin) return `\`$${name}\`: keepalived built-in, expanded when the configuration is read.`;
  if (!d) return `\`$${name}\` is not defined before this point; keepalived leaves it as it is.`;
  const value = d.value === '' ? '(empty)' : d.value;
  return `${fence(`$${name}=${value}`)}\n\nExpands to \`${value.replace(/`/g, '\\`')}\`${d.multiline ? ' (multi-line definition: first line shown)' : ''}; defined at ${where(parse, d, self)}.`;
}

/**
 * Hover at an offset of file 0, or null. Names ($NAME, tracked scripts...) are looked up in
 * `names`: the includer's parse when the document is read through one (the document is its
 * file `names.file` there), so definitions made in the includer are found.
 */
export function hover(parse: ParseResult, offset: number, names?: { parse: ParseResult; file: number }): Hover | null {
  const n = names ?? { parse, file: 0 };
  const np = n.parse;
  const self = n.file;
  const ref = np.references.find((r) => r.loc.file === self && r.loc.start <= offset && offset < r.loc.end);
  if (ref) {
    return {
      contents: {
        kind: MarkupKind.Markdown,
        value: definitionMarkdown(np, ref.name, ref.definition, ref.builtin, self),
      },
      range: toRange(np, ref.loc),
    };
  }
  const def = np.definitions.find(
    (d) =>
      d.nameLoc.file === self &&
      d.nameLoc.start <= offset &&
      offset < d.nameLoc.end &&
      d.nameLoc.end - d.nameLoc.start === d.name.length + 1,
  );
  if (def)
    return {
      contents: { kind: MarkupKind.Markdown, value: definitionMarkdown(np, def.name, def, false, self) },
      range: toRange(np, def.nameLoc),
    };

  const occ = occurrenceAt(np, offset, self);
  if (occ && !occ.decl) {
    const decls = related(np, occ).filter((x) => x.decl);
    const where = decls.map((d) => {
      const f = np.files[d.loc.file]!;
      const line = f.lines.lineOf(d.loc.start) + 1;
      return d.loc.file === self ? `line ${line}` : `${f.path}:${line}`;
    });
    const value = decls.length
      ? `\`${occ.kind} ${occ.name}\`, defined at ${where.join(', ')}.`
      : `\`${occ.name}\`: no ${occ.kind} of this name is defined in this configuration.`;
    return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(np, occ.loc) };
  }

  const at = wordAt(parse, offset);
  if (!at || !at.stmt.spec) return null;
  const spec = at.stmt.spec;
  if (at.role === 'keyword')
    return { contents: { kind: MarkupKind.Markdown, value: keywordMarkdown(spec) }, range: toRange(parse, at.word) };
  if (at.role === 'arg') {
    const p = spec.params?.[at.index];
    if (!p) return null;
    return {
      contents: {
        kind: MarkupKind.Markdown,
        value: `Argument ${at.index + 1} of \`${spec.name}\`: ${describeParam(p)}`,
      },
      range: toRange(parse, at.word),
    };
  }
  return null;
}

/**
 * A hover with a virtual router's failover table (from the last peer run) added after what it
 * says, or a hover of the table alone at `range` when there is nothing else to say.
 */
export function withFailover(h: Hover | null, table: string, range: Range): Hover {
  const note = `**Failover** (peer analysis of the open nodes):\n\n\`\`\`text\n${table}\n\`\`\``;
  if (!h) return { contents: { kind: MarkupKind.Markdown, value: note }, range };
  const before = MarkupContent.is(h.contents) ? h.contents.value : '';
  return { ...h, contents: { kind: MarkupKind.Markdown, value: before ? `${before}\n\n---\n\n${note}` : note } };
}
