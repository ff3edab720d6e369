// Where the differential cases come from: the shared oracle configs, the samples shipped with the
// keepalived package, the shared real-world corpus and the project's own fixtures. Files are read
// where they lie (never copied), except gzip-compressed samples, which are unpacked to a temp dir.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One config to compare keepalived and our linter on. */
export interface DiffCase {
  /** Stable, readable id, e.g. "oracle/17-missing-parameter.conf". */
  id: string;
  group: 'oracle' | 'samples' | 'corpus' | 'fixtures';
  /** Absolute path of the config; both tools run with its folder as cwd. */
  file: string;
  /** Extra keepalived arguments from the `.args` file (e.g. ['-i', 'node1']). */
  args: string[];
  /** The config id given with -i / --config-id, passed to our CLI as --config-id. */
  configId?: string;
}

/** Folder of the keepalived package's sample configs. */
export const SAMPLES_DIR = '/usr/share/doc/keepalived/samples';

/** Paths of the shared reference material, relative to the repository root. */
export function sharedDirs(repoRoot: string): {
  oracle: string;
  corpus: string;
} {
  const shared = path.resolve(repoRoot, '..', 'shared');
  return {
    oracle: path.join(shared, 'reference', 'keepalived', 'oracle'),
    corpus: path.join(shared, 'corpus'),
  };
}

/** Read the `.args` file next to a config, if any, as a word list. */
export function readArgs(confFile: string): string[] {
  const argsFile = confFile.replace(/\.conf$/, '') + '.args';
  if (argsFile === confFile || !fs.existsSync(argsFile)) return [];
  return fs.readFileSync(argsFile, 'utf8').trim().split(/\s+/).filter(Boolean);
}

/** The config id among keepalived arguments (-i ID, --config-id ID, --config-id=ID). */
export function configIdOf(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if ((a === '-i' || a === '--config-id') && args[i + 1] !== undefined) return args[i + 1];
    if (a.startsWith('--config-id=')) return a.slice('--config-id='.length);
    if (/^-i\S+$/.test(a)) return a.slice(2);
  }
  return undefined;
}

const listConf = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.conf') && fs.statSync(path.join(dir, f)).isFile())
        .sort()
    : [];

function walkConf(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walkConf(p));
    else if (e.isFile() && e.name.endsWith('.conf')) out.push(p);
  }
  return out.sort();
}

const makeCase = (group: DiffCase['group'], id: string, file: string): DiffCase => {
  const args = readArgs(file);
  return {
    id: `${group}/${id}`,
    group,
    file,
    args,
    configId: configIdOf(args),
  };
};

/** Sample configs of the keepalived package (keepalived.conf*), .gz ones unpacked to a temp dir. */
export function sampleCases(samplesDir = SAMPLES_DIR): DiffCase[] {
  if (!fs.existsSync(samplesDir)) return [];
  const out: DiffCase[] = [];
  for (const name of fs.readdirSync(samplesDir).sort()) {
    if (!name.startsWith('keepalived.conf')) continue;
    let file = path.join(samplesDir, name);
    if (!fs.statSync(file).isFile()) continue;
    if (name.endsWith('.gz')) {
      const dir = path.join(os.tmpdir(), 'keepalived-tools-samples');
      fs.mkdirSync(dir, { recursive: true });
      const target = path.join(dir, name.slice(0, -3));
      const data = gunzipSync(fs.readFileSync(file));
      if (!fs.existsSync(target) || !fs.readFileSync(target).equals(data)) {
        fs.writeFileSync(target, data);
      }
      file = target;
    }
    out.push({ id: `samples/${name}`, group: 'samples', file, args: [] });
  }
  return out;
}

/** Every differential case, in a stable order. */
export function discoverCases(repoRoot: string): DiffCase[] {
  const { oracle, corpus } = sharedDirs(repoRoot);
  const fixtures = path.join(repoRoot, 'test', 'fixtures');
  return [
    // oracle/inc/** are only pulled in by the include tests: listConf does not recurse.
    ...listConf(oracle).map((f) => makeCase('oracle', f, path.join(oracle, f))),
    ...sampleCases(),
    ...listConf(corpus).map((f) => makeCase('corpus', f, path.join(corpus, f))),
    ...walkConf(fixtures).map((f) => makeCase('fixtures', path.relative(fixtures, f), f)),
  ];
}
