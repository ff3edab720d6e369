// Document links: each resolved target of an `include` line.
import type { DocumentLink } from 'vscode-languageserver';
import type { ParseResult } from '../grammar/index';
import { pathToUri, toRange } from './locations';

/** One link per file an include of the document pulled in. */
export function documentLinks(parse: ParseResult): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const inc of parse.includes) {
    if (inc.patternLoc.file !== 0) continue;
    for (const t of inc.targets) {
      const f = parse.files[t];
      if (f) out.push({ range: toRange(parse, inc.patternLoc), target: pathToUri(f.path), tooltip: f.path });
    }
  }
  return out;
}
