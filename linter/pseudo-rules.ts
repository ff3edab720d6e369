// Findings that come from the linter itself rather than from a rule of the registry: unused
// suppression comments and rules that failed. Their messages are templates like any rule's, so
// they are translated and documented the same way.

/** A source of findings that is not a registry rule. */
export interface PseudoRule {
  id: string;
  meta: { severity: 'error' | 'warning'; fixable: boolean; category: 'suppression' | 'internal' };
  description: string;
  messages: Record<string, string>;
}

/** `# keepalived-lint disable…` comments that suppress nothing (--report-unused-disable-directives). */
export const unusedDisableDirective: PseudoRule = {
  id: 'unused-disable-directive',
  meta: { severity: 'warning', fixable: false, category: 'suppression' },
  description: 'keepalived-lint disable comment that suppresses nothing (--report-unused-disable-directives).',
  messages: {
    unused: 'Unused keepalived-lint {kind} directive.',
    unusedRules: 'Unused keepalived-lint {kind} directive (no {rules} finding here).',
  },
};

/** A rule that threw while checking a file. */
export const internalErrorRule: PseudoRule = {
  id: 'internal-error',
  meta: { severity: 'error', fixable: false, category: 'internal' },
  description: 'A rule failed while checking the file; please report it.',
  messages: { crash: 'Rule {rule} failed: {error}' },
};

/** Every pseudo rule. */
export const pseudoRules: PseudoRule[] = [unusedDisableDirective, internalErrorRule];
