// Rule metadata the report formats embed (SARIF rules, help links).
import { rules, template, type Locale } from '../../linter/index';
import { peerRules } from '../../linter/peer-registry';

/** Registry rules and peer rules, sorted by id. */
export const allRules = [...rules, ...peerRules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

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

/** Rules that are not in the registry but can appear in results. */
const PSEUDO_RULES: RuleInfo[] = [
  {
    id: 'unused-disable-directive',
    severity: 'warning',
    fixable: false,
    category: 'suppression',
    description: 'keepalived-lint disable comment that suppresses nothing (--report-unused-disable-directives).',
    helpUri: `${RULE_DOCS_BASE}unused-disable-directive.md`,
  },
  {
    id: 'internal-error',
    severity: 'error',
    fixable: false,
    category: 'internal',
    description: 'A rule failed while checking the file; please report it.',
    helpUri: `${RULE_DOCS_BASE}internal-error.md`,
  },
];

/** Every rule's metadata, registry rules first (sorted by id), descriptions in the locale. */
export function ruleInfos(locale: Locale = 'en'): RuleInfo[] {
  return [
    ...allRules.map((r) => ({
      id: r.id,
      severity: r.meta.severity,
      fixable: r.meta.fixable,
      category: r.meta.category,
      description: template(r.id, 'description', r.description, locale),
      helpUri: `${RULE_DOCS_BASE}${r.id}.md`,
    })),
    ...PSEUDO_RULES,
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
