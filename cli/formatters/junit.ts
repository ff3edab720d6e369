// JUnit XML: one testsuite per file, one failing testcase per finding (a passing one for a clean file).
import { relPath, type Formatter } from './types';
import { xmlEscape as x } from './xml';

/** JUnit XML as CI servers (Jenkins, GitLab, Azure) read it. */
export const junit: Formatter = (files, { cwd }) => {
  let body = '';
  let tests = 0;
  let failures = 0;
  for (const f of files) {
    const path = relPath(f.filePath, cwd);
    const n = Math.max(1, f.messages.length);
    tests += n;
    failures += f.messages.length;
    body += `  <testsuite package="keepalived-lint" name="${x(path)}" tests="${n}" failures="${f.messages.length}" errors="0" skipped="0" time="0">\n`;
    if (f.messages.length === 0) body += `    <testcase classname="${x(path)}" name="${x(path)}" time="0" />\n`;
    for (const m of f.messages) {
      const sev = m.severity === 2 ? 'Error' : 'Warning';
      body += `    <testcase classname="${x(path)}" name="${x(`${path}:${m.line}:${m.column} ${m.ruleId}`)}" time="0">\n`;
      body += `      <failure type="${x(m.ruleId)}" message="${x(m.message)}">${x(`${sev} at ${path}:${m.line}:${m.column}: ${m.message} (${m.ruleId})`)}</failure>\n`;
      body += '    </testcase>\n';
    }
    body += '  </testsuite>\n';
  }
  return `<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="keepalived-lint" tests="${tests}" failures="${failures}" errors="0">\n${body}</testsuites>\n`;
};
