// GitLab Code Quality report (a JSON array of Code Climate issues).
import { createHash } from 'node:crypto';
import { relPath, type Formatter } from './types';

/** Code Quality entries: description, check_name, fingerprint, severity, location. */
export const gitlab: Formatter = (files, { cwd }) => {
  const issues = files.flatMap((f) => {
    const path = relPath(f.filePath, cwd);
    return f.messages.map((m) => ({
      description: m.message,
      check_name: m.ruleId,
      // Stable across runs and machines: no absolute paths, no columns that shift with edits elsewhere on the line.
      fingerprint: createHash('sha256').update(`${path}\0${m.ruleId}\0${m.line}\0${m.message}`).digest('hex'),
      severity: m.severity === 2 ? 'major' : 'minor',
      location: { path, lines: { begin: m.line, end: m.endLine } },
    }));
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
};
