// Lints files the way `lintRoots` does, but with settings per file (from the nearest
// configuration file): files included by another linted file are analysed only through it.
import { parseFile, type FileAccess } from '../grammar/index';
import type { RootResult } from '../host/project';
import { lintParse, type LintOptions } from '../linter/index';

/** Parses and lints every root with its own options; files included by another root are not roots. */
export function lintTargets(paths: string[], fs: FileAccess, optionsFor: (path: string) => LintOptions): RootResult[] {
  const parses = paths.map((p) => {
    const o = optionsFor(p);
    return {
      o,
      parse: parseFile(p, { fs, targetVersion: o.targetVersion, configId: o.configId, includeRoot: o.includeRoot }),
    };
  });
  const included = new Set<string>();
  for (const { parse } of parses) parse.files.slice(1).forEach((f) => included.add(f.path));
  return parses
    .filter(({ parse }) => !included.has(parse.files[0]!.path))
    .map(({ o, parse }) => ({ parse, diagnostics: lintParse(parse, o) }));
}
