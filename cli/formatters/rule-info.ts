// Rule metadata the report formats embed (SARIF rules, help links).
import { pseudoRules, rules, template, type Locale } from '../../linter/index';
import { peerRules } from '../../linter/peer-registry';

/** Registry rules and peer rules, sorted by id. */
export const allRules = [...rules, ...peerRules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Registry rules first (sorted by id), then the linter's own findings (unused directives, failures). */
const described = [...allRules, ...pseudoRules];

/** Where each rule's documentation lives. */
export const RULE_DOCS_BASE = 'https://github.com/keepalived-tools/keepalived-tools/blob/main/docs/rules/';

/** Metadata of one rule as the formats show it. */
export interface RuleInfo {
  id: string;
  severity: 'error' | 'warning' | 'info';
  fixable: boolean;
  category: string;
  description: string;
  helpUri: string;
}

/** Every rule's metadata, registry rules first (sorted by id), descriptions in the locale. */
export function ruleInfos(locale: Locale = 'en'): RuleInfo[] {
  return [
    ...described.map((r) => ({
      id: r.id,
      severity: r.meta.severity,
      fixable: r.meta.fixable,
      category: r.meta.category,
      description: template(r.id, 'description', r.description, locale),
      helpUri: `${RULE_DOCS_BASE}${r.id}.md`,
    })),
  ];
}

/** Metadata of a rule id (an unknown id gets a generic entry). */
export function ruleInfo(id: string, locale: Locale = 'en'): RuleInfo {
  return (
    ruleInfos(locale).find((r) => r.id === id) ?? {
      id,
      severity: 'error',
      fixable: false,
      category: 'other',
      description: id,
      helpUri: `${RULE_DOCS_BASE}${id}.md`,
    }
  );
}
