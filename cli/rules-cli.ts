// --list-rules and --explain.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { template, type Locale } from '../linter/index';
import { allRules, ruleInfos } from './formatters/rule-info';

const HEADERS: Record<Locale, string[]> = {
  en: ['Rule', 'Severity', 'Fixable', 'Category', 'Description'],
  'zh-cn': ['规则', '默认级别', '可修复', '类别', '说明'],
};
const YES: Record<Locale, [string, string]> = { en: ['yes', 'no'], 'zh-cn': ['是', '否'] };

/** The rule catalogue as a table (or JSON): id, default severity, fixable, category, description. */
export function listRules(locale: Locale, format: 'table' | 'json'): string {
  const infos = ruleInfos(locale).filter((r) => allRules.some((x) => x.id === r.id));
  if (format === 'json') return `${JSON.stringify(infos, null, 2)}\n`;
  const rows = [
    HEADERS[locale],
    ...infos.map((r) => [r.id, r.severity, YES[locale][r.fixable ? 0 : 1], r.category, r.description]),
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => displayWidth(r[i]!))));
  return (
    rows.map((r) => r.map((c, i) => (i < 4 ? c + ' '.repeat(widths[i]! - displayWidth(c)) : c)).join('  ')).join('\n') +
    '\n'
  );
}

/** Terminal columns of a string: CJK characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

/** Where the rule docs are: the package's docs/rules, beside dist/ (and beside cli/ in the sources). */
function docsDirs(): string[] {
  return [join(__dirname, '..', 'docs', 'rules')];
}

/** The documentation of a rule: docs/rules/<id>.md (or <id>.zh-cn.md), else a summary from the registry. Undefined for an unknown id. */
export function explainRule(id: string, locale: Locale): string | undefined {
  const rule = allRules.find((r) => r.id === id);
  const info = ruleInfos(locale).find((r) => r.id === id);
  if (!info) return undefined;
  const names = locale === 'en' ? [`${id}.md`] : [`${id}.${locale}.md`, `${id}.md`];
  for (const dir of docsDirs()) {
    for (const n of names) {
      const p = join(dir, n);
      if (existsSync(p)) return readFileSync(p, 'utf8');
    }
  }
  let out = `# ${id}\n\n${info.description}\n\n`;
  out += `- Severity: ${info.severity}\n- Fixable: ${info.fixable ? 'yes' : 'no'}\n- Category: ${info.category}\n- Docs: ${info.helpUri}\n`;
  if (rule) {
    out += '\nMessages:\n\n';
    for (const [mid, text] of Object.entries(rule.messages)) out += `- ${mid}: ${template(id, mid, text, locale)}\n`;
  }
  return out;
}
