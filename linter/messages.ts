// Message formatting: templates keyed by rule and message id, with {name} placeholders, so that
// every message can be translated (see i18n/).
import zhCN from './i18n/zh-cn.json';

/** Locales with a message catalogue. */
export type Locale = 'en' | 'zh-cn';

const catalogues: Record<Exclude<Locale, 'en'>, Record<string, string>> = { 'zh-cn': zhCN as Record<string, string> };

/** Templates cut at their placeholders: literal, name, literal, name, ..., literal. */
const compiled = new Map<string, string[]>();

/** Fills {placeholders} in a template (a placeholder without data stays as it is). */
export function format(template: string, data: Record<string, unknown> = {}): string {
  let parts = compiled.get(template);
  if (!parts) compiled.set(template, (parts = template.split(/\{(\w+)\}/)));
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const v = data[parts[i]!];
    out += (v === undefined ? `{${parts[i]}}` : String(v)) + parts[i + 1]!;
  }
  return out;
}

/** The template for rule/message in a locale, falling back to English. */
export function template(ruleId: string, messageId: string, english: string, locale: Locale): string {
  if (locale === 'en') return english;
  return catalogues[locale][`${ruleId}/${messageId}`] ?? english;
}

/** Picks a locale from a string such as LANG=zh_CN.UTF-8 or 'zh-cn'. */
export function parseLocale(value: string | undefined): Locale {
  if (!value) return 'en';
  return /^zh([-_](cn|hans|sg))?/i.test(value) ? 'zh-cn' : 'en';
}

/** The message catalogue of a locale (for completeness tests and tools). */
export function catalogue(locale: Exclude<Locale, 'en'>): Record<string, string> {
  return catalogues[locale];
}
