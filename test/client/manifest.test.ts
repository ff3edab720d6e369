// Checks the VS Code side of package.json: nls placeholders, language, grammar and settings.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readJson = (path: string): unknown =>
  JSON.parse(readFileSync(`${root}/${path}`, 'utf8'));

interface Language {
  id: string;
  aliases?: string[];
  firstLine?: string;
  configuration?: string;
}
interface Grammar {
  language: string;
  scopeName: string;
  path: string;
}
interface Manifest {
  main: string;
  activationEvents: string[];
  contributes: {
    languages: Language[];
    grammars: Grammar[];
    commands?: { command: string }[];
    configuration: { title: string; properties: Record<string, unknown> };
  };
}

const manifest = readJson('package.json') as Manifest;
const nls = {
  en: readJson('package.nls.json') as Record<string, string>,
  'zh-cn': readJson('package.nls.zh-cn.json') as Record<string, string>,
};

/** Every `%key%` placeholder in a JSON value. */
function placeholders(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    if (m) out.push(m[1]!);
  } else if (Array.isArray(value)) {
    for (const v of value) placeholders(v, out);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) placeholders(v, out);
  }
  return out;
}

describe('package.json (VS Code manifest)', () => {
  const used = placeholders(manifest);

  it('uses nls placeholders', () => {
    expect(used.length).toBeGreaterThan(5);
  });

  it.each(Object.entries(nls))(
    'has every placeholder in the %s nls file, and no unused entry',
    (_locale, table) => {
      expect(used.filter((key) => !(key in table))).toEqual([]);
      expect(Object.keys(table).filter((key) => !used.includes(key))).toEqual(
        [],
      );
      for (const text of Object.values(table)) expect(text.trim()).not.toBe('');
    },
  );

  it('declares the keepalived language with a grammar', () => {
    const language = manifest.contributes.languages.find(
      (l) => l.id === 'keepalived',
    );
    expect(language).toBeDefined();
    expect(language!.aliases).toContain('keepalived');
    expect(existsSync(`${root}/${language!.configuration}`)).toBe(true);
    readJson(language!.configuration!);

    const grammar = manifest.contributes.grammars.find(
      (g) => g.language === 'keepalived',
    );
    expect(grammar?.scopeName).toBe('source.keepalived');
    expect(existsSync(`${root}/${grammar!.path}`)).toBe(true);
    const tm = readJson(grammar!.path) as { scopeName: string };
    expect(tm.scopeName).toBe('source.keepalived');
  });

  it('recognises keepalived files by their first line', () => {
    const language = manifest.contributes.languages[0]!;
    const firstLine = new RegExp(language.firstLine!);
    for (const line of [
      '# vim: set ft=keepalived :',
      '! -*- mode: keepalived -*-',
      'global_defs {',
      'vrrp_instance VI_1 {',
      'virtual_server 10.0.0.1 80 {',
    ])
      expect(line).toMatch(firstLine);
    for (const line of ['[section]', '# global_defs', 'server {'])
      expect(line).not.toMatch(firstLine);
  });

  it('activates on the language and starts the bundled client', () => {
    expect(manifest.activationEvents).toContain('onLanguage:keepalived');
    expect(manifest.main).toBe('./dist/extension.js');
  });

  it('prefixes every setting and command with keepalived.', () => {
    const keys = Object.keys(manifest.contributes.configuration.properties);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).toMatch(/^keepalived\./);
    for (const { command } of manifest.contributes.commands ?? [])
      expect(command).toMatch(/^keepalived\./);
  });

  it('ships every file the manifest points at (.vscodeignore)', () => {
    const kept = readFileSync(`${root}/.vscodeignore`, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('!'))
      .map((line) => line.slice(1).trim());
    const shipped = (path: string): boolean =>
      kept.some((pattern) => minimatch(path.replace(/^\.\//, ''), pattern));
    for (const path of [
      manifest.main,
      'dist/server.js',
      'dist/server-main.js',
      ...manifest.contributes.languages.map((l) => l.configuration!),
      ...manifest.contributes.grammars.map((g) => g.path),
      'package.nls.json',
      'package.nls.zh-cn.json',
    ])
      expect(shipped(path), path).toBe(true);
  });
});
