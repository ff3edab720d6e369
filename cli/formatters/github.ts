// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
import { relPath, type Formatter } from './types';

/** Escapes a workflow command's message. */
export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Escapes a workflow command's property value. */
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message` lines. */
export const github: Formatter = (files, { cwd }) => {
  let out = '';
  for (const f of files) {
    const file = escapeProperty(relPath(f.filePath, cwd));
    for (const m of f.messages) {
      const props = [
        `file=${file}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(m.ruleId)}`,
      ];
      out += `::${m.severity === 2 ? 'error' : 'warning'} ${props.join(',')}::${escapeData(m.message)}\n`;
    }
  }
  return out;
};
