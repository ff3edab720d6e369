import type { Formatter } from './types';

const paint = (on: boolean, code: string, s: string): string => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/** ESLint's `stylish` output: a block per file, then a summary. */
export const stylish: Formatter = (files, { color, locale }) => {
  const zh = locale === 'zh-cn';
  let out = '';
  let errors = 0;
  let warnings = 0;
  let fixErr = 0;
  let fixWarn = 0;
  for (const f of files) {
    if (f.messages.length === 0) continue;
    errors += f.errorCount;
    warnings += f.warningCount;
    fixErr += f.fixableErrorCount;
    fixWarn += f.fixableWarningCount;
    out += `\n${paint(color, '4', f.filePath)}\n`;
    const rows = f.messages.map((m) => [
      `  ${m.line}:${m.column}`,
      m.severity === 2 ? paint(color, '31', 'error') : paint(color, '33', 'warning'),
      m.message,
      paint(color, '2', m.ruleId),
    ]);
    const w0 = Math.max(...rows.map((r) => r[0]!.length));
    const w1 = Math.max(...rows.map((r) => r[1]!.length));
    for (const r of rows) out += `${r[0]!.padEnd(w0)}  ${r[1]!.padEnd(w1)}  ${r[2]}  ${r[3]}\n`;
  }
  const total = errors + warnings;
  if (total > 0) {
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
    const summary = zh
      ? `\u2716 ${total} 个问题（${errors} 个错误，${warnings} 个警告）`
      : `\u2716 ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
    out += `\n${paint(color, errors ? '31;1' : '33;1', summary)}\n`;
    if (fixErr + fixWarn > 0) {
      const fixable = zh
        ? `  其中 ${fixErr} 个错误和 ${fixWarn} 个警告可以用 \`--fix\` 选项自动修复。`
        : `  ${plural(fixErr, 'error')} and ${plural(fixWarn, 'warning')} potentially fixable with the \`--fix\` option.`;
      out += paint(color, errors ? '31;1' : '33;1', fixable) + '\n';
    }
    out += '\n';
  }
  return out;
};
