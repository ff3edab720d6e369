// Lints a set of files as a project: each root config with its includes, files included by
// another linted file analysed only through their includer, and (with several nodes) the peer
// analysis across them.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { minimatch } from 'minimatch';
import { parseFile, parseText, type FileAccess, type ParseResult } from '../grammar/index';
import { lintParse, type Diagnostic, type LintOptions } from '../linter/index';

/** Diagnostics of one file. */
export interface FileResult {
  path: string;
  diagnostics: Diagnostic[];
  parse: ParseResult;
  /** Index of the file inside parse.files. */
  fileIndex: number;
}

/** One root configuration and what it produced. */
export interface RootResult {
  parse: ParseResult;
  diagnostics: Diagnostic[];
}

const CONFIG_EXT = /\.conf$|^keepalived\.conf/;

/** Expands CLI arguments (files, folders, globs) into absolute file paths. Throws on a missing path. */
export function expandArgs(args: string[], cwd: string, ignore: string[] = []): string[] {
  const out: string[] = [];
  const ignored = (p: string): boolean => ignore.some((g) => minimatch(p, g, { dot: true, matchBase: true }));
  const walkDir = (dir: string, match: (rel: string) => boolean, base: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name === 'node_modules' || name === '.git') continue;
      const p = join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      const rel = p.slice(base.length + 1);
      if (st.isDirectory()) walkDir(p, match, base);
      else if (st.isFile() && match(rel) && !ignored(p)) out.push(p);
    }
  };
  for (const arg of args) {
    if (/[*?[{]/.test(arg)) {
      const before: number = out.length;
      walkDir(cwd, (rel) => minimatch(rel, arg, { dot: false }), cwd);
      if (out.length === before) throw new Error(`No files matching the pattern "${arg}" were found.`);
      continue;
    }
    const p = resolve(cwd, arg);
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new Error(`No such file or directory: ${arg}`);
    }
    if (st.isDirectory()) walkDir(p, (rel) => CONFIG_EXT.test(rel.split('/').pop()!), p);
    else out.push(p);
  }
  return [...new Set(out)];
}

/** Parses and lints every root; files included by another root are not roots themselves. */
export function lintRoots(paths: string[], fs: FileAccess, options: LintOptions): RootResult[] {
  const parses = paths.map((p) => parseFile(p, { fs, targetVersion: options.targetVersion, configId: options.configId, includeRoot: options.includeRoot }));
  const included = new Set<string>();
  parses.forEach((parse) => parse.files.slice(1).forEach((f) => included.add(f.path)));
  return parses
    .filter((parse) => !included.has(parse.files[0]!.path))
    .map((parse) => ({ parse, diagnostics: lintParse(parse, options) }));
}

/** Lints text given for a path (stdin, an editor buffer). */
export function lintText(path: string, text: string, fs: FileAccess, options: LintOptions): RootResult {
  const parse = parseText(path, text, { fs, targetVersion: options.targetVersion, configId: options.configId, includeRoot: options.includeRoot });
  return { parse, diagnostics: lintParse(parse, options) };
}

/** Splits root results into per-file results (included files get their own entries). */
export function perFile(roots: RootResult[]): FileResult[] {
  const byPath = new Map<string, FileResult>();
  for (const root of roots) {
    root.parse.files.forEach((f, i) => {
      if (!byPath.has(f.path)) byPath.set(f.path, { path: f.path, diagnostics: [], parse: root.parse, fileIndex: i });
    });
    for (const d of root.diagnostics) {
      const f = root.parse.files[d.loc.file];
      if (!f) continue;
      const fr = byPath.get(f.path)!;
      if (fr.parse === root.parse) fr.diagnostics.push(d);
      else fr.diagnostics.push({ ...d, loc: { ...d.loc, file: fr.fileIndex } });
    }
  }
  return [...byPath.values()];
}
