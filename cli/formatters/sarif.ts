// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
import { pathToFileURL } from 'node:url';
import pkg from '../../package.json';
import { ruleInfos } from './rule-info';
import { relPath, type Formatter } from './types';

const level = (s: string): 'error' | 'warning' | 'note' =>
  s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';

/** A SARIF log with one run: every rule's metadata and one result per finding. */
export const sarif: Formatter = (files, { cwd, locale }) => {
  const infos = ruleInfos(locale);
  const used = new Set(files.flatMap((f) => f.messages.map((m) => m.ruleId)));
  for (const id of used)
    if (!infos.some((r) => r.id === id))
      infos.push({ id, severity: 'error', fixable: false, category: 'other', description: id, helpUri: '' });
  const index = new Map(infos.map((r, i) => [r.id, i]));
  const srcRoot = pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href;
  const artifact = (filePath: string): { uri: string; uriBaseId?: string } => {
    const rel = relPath(filePath, cwd);
    return rel.startsWith('/')
      ? { uri: pathToFileURL(rel).href }
      : { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  };
  const region = (m: { line: number; column: number; endLine: number; endColumn: number }) => ({
    startLine: m.line,
    startColumn: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
  });
  const results = files.flatMap((f) =>
    f.messages.map((m) => ({
      ruleId: m.ruleId,
      ruleIndex: index.get(m.ruleId)!,
      level: m.severity === 2 ? 'error' : 'warning',
      message: { text: m.message },
      locations: [{ physicalLocation: { artifactLocation: artifact(f.filePath), region: region(m) } }],
      ...(m.related?.length
        ? {
            relatedLocations: m.related.map((x, i) => ({
              id: i + 1,
              message: { text: x.message },
              physicalLocation: { artifactLocation: artifact(x.filePath), region: region(x) },
            })),
          }
        : {}),
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'keepalived-lint',
            informationUri: 'https://github.com/keepalived-tools/keepalived-tools',
            version: pkg.version,
            rules: infos.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase()),
              shortDescription: { text: r.description },
              ...(r.helpUri ? { helpUri: r.helpUri } : {}),
              defaultConfiguration: { level: level(r.severity) },
              properties: { category: r.category, fixable: r.fixable, tags: [r.category] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: srcRoot } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
