// Keyword documentation for hover and completion: the prose of grammar/data/keyword-docs.json
// ("<parent path> > <keyword>" -> {summary, default}) plus facts from the catalogue spec.
import type { KeywordSpec, ParamSpec } from '../grammar/index';
import docsData from '../grammar/data/keyword-docs.json';

interface KeywordDoc {
  summary?: string;
  default?: string;
}

const DOCS: Record<string, KeywordDoc | undefined> = (docsData ?? {}) as unknown as Record<
  string,
  KeywordDoc | undefined
>;

/** The prose entry of a keyword, if written. */
export function keywordDoc(spec: KeywordSpec): KeywordDoc | undefined {
  const d = DOCS[`${spec.parent} > ${spec.name}`];
  return d && typeof d === 'object' ? d : undefined;
}

const num = (v: number): string => (Math.abs(v) >= 1e6 && Number.isInteger(v) ? v.toExponential() : String(v));

/** One parameter in words: `priority` (1–255), `state` (MASTER | BACKUP). */
export function describeParam(p: ParamSpec): string {
  let s = `\`${p.name}\``;
  const facts: string[] = [];
  if (p.values?.length && p.type.startsWith('enum_or_'))
    facts.push(`${p.values.join(' | ')} or ${p.type.slice('enum_or_'.length)}${p.min !== undefined && p.max !== undefined ? ` ${num(p.min)}–${num(p.max)}` : ''}`);
  else if (p.values?.length) facts.push(p.values.join(' | '));
  else if (p.type === 'bool') facts.push('true | false (on/off, yes/no)');
  else {
    if (p.min !== undefined && p.min !== null && p.max !== undefined && p.max !== null)
      facts.push(`${p.type} ${num(p.min)}–${num(p.max)}`);
    else if (p.min !== undefined && p.min !== null) facts.push(`${p.type} ≥ ${num(p.min)}`);
    else facts.push(p.type.replace(/_/g, ' '));
  }
  if (!p.required) facts.push('optional');
  if (facts.length) s += ` (${facts.join(', ')})`;
  return s;
}

/** Argument shape in one line. */
export function signature(spec: KeywordSpec): string {
  const params = (spec.params ?? []).map((p) => {
    const name = p.name.toUpperCase() + (p.repeat ? '…' : '');
    return p.required ? name : `[${name}]`;
  });
  const tail = spec.block ? ' { … }' : '';
  return `${spec.name}${params.length ? ' ' + params.join(' ') : ''}${tail}`;
}

/** A short Markdown paragraph for a keyword: what it does, arguments and range, default, versions. */
export function keywordMarkdown(spec: KeywordSpec): string {
  let md = markdownCache.get(spec);
  if (md === undefined) markdownCache.set(spec, (md = buildMarkdown(spec)));
  return md;
}

const markdownCache = new Map<KeywordSpec, string>();

function buildMarkdown(spec: KeywordSpec): string {
  const doc = keywordDoc(spec);
  const parts: string[] = ['```keepalived\n' + signature(spec) + '\n```'];
  if (doc?.summary) parts.push(doc.summary);
  const facts: string[] = [];
  const params = spec.params ?? [];
  if (params.length) facts.push(`Arguments: ${params.map(describeParam).join(', ')}.`);
  if (spec.valueSyntax) facts.push(`Lines: \`${spec.valueSyntax}\`.`);
  if (doc?.default) facts.push(`Default: ${doc.default}.`);
  const where = spec.parent === 'root' ? 'top level' : spec.parent.replace(/^root > /, '');
  facts.push(
    `In \`${where}\`; since keepalived ${spec.since === 'head' ? 'head (unreleased)' : spec.since}${spec.notInDebian ? ' (not in Debian’s 2.2.7 build)' : ''}.`,
  );
  if (spec.deprecated) facts.push(`**Deprecated**${spec.replacement ? `: use \`${spec.replacement}\`` : ''}.`);
  parts.push(facts.join('  \n'));
  return parts.join('\n\n');
}
