// Runs the TextMate grammar assertions in test/syntaxes/*.test.keepalived.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('syntaxes/keepalived.tmLanguage.json', () => {
  it('passes every vscode-tmgrammar-test assertion', () => {
    const run = spawnSync(
      'npx',
      [
        '--no-install',
        'vscode-tmgrammar-test',
        '--compact',
        '-g',
        'syntaxes/keepalived.tmLanguage.json',
        'test/syntaxes/*.test.keepalived',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(run.error).toBeUndefined();
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/macros\.test\.keepalived/);
  }, 60_000);
});
