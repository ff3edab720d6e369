// Checkstyle XML, read by Jenkins warnings-ng, reviewdog, SonarQube and others.
import { relPath, type Formatter } from './types';
import { xmlEscape as x } from './xml';

/** `<checkstyle><file name><error line column severity message source/></file></checkstyle>`. */
export const checkstyle: Formatter = (files, { cwd }) => {
  let out = '<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">\n';
  for (const f of files) {
    out += `  <file name="${x(relPath(f.filePath, cwd))}">\n`;
    for (const m of f.messages) {
      out += `    <error line="${m.line}" column="${m.column}" severity="${m.severity === 2 ? 'error' : 'warning'}" message="${x(m.message)}" source="${x(`keepalived-lint.rules.${m.ruleId}`)}" />\n`;
    }
    out += '  </file>\n';
  }
  return `${out}</checkstyle>\n`;
};
