import { scriptUses } from '../peer/script-command';
import { defineRule, spanning } from '../types';

const SHELLS = /^(?:\/usr)?\/bin\/(?:ba|da|z|k)?sh$|^(?:ba|da|z|k)?sh$/;

/** Shell syntax in a script command, which keepalived runs without a shell. */
export default defineRule({
  id: 'script-shell-syntax',
  meta: { severity: 'warning', fixable: true, category: 'semantic', scope: 'block' },
  description:
    'Shell syntax (redirection, pipes, &&, ;, $VAR, globs, ~) or a relative path in a script, which keepalived executes without a shell; arguments keepalived drops because the command is not quoted.',
  messages: {
    redirectProgram:
      'keepalived runs "{command}" without a shell: it looks for a program named "{token}", does not find it and disables the script, so this check never runs. Run it through a shell: "{suggestion}".',
    redirect:
      'keepalived runs "{command}" without a shell, so the redirection "{token}" does not work (exec fails and the check always fails). Run it through a shell: "{suggestion}".',
    operator:
      'keepalived runs "{command}" without a shell, so "{token}" is passed as a plain argument, not a shell operator. Run it through a shell: "{suggestion}".',
    variable:
      'keepalived runs "{command}" without a shell, so "{token}" is not expanded. Run it through a shell: "{suggestion}".',
    glob: 'keepalived runs "{command}" without a shell, so the pattern "{token}" is not expanded. Run it through a shell: "{suggestion}".',
    assignment:
      'keepalived runs "{command}" without a shell, so "{token}" is taken as the program name, not a variable assignment. Run it through a shell: "{suggestion}".',
    relative:
      'Script path "{token}" is relative; keepalived does not search it from the config folder. Use an absolute path.',
    trailingBackslash:
      'The script line ends in a backslash: keepalived {version} takes it as an escape of the end of the line and reads past it (2.2.7 crashes with a segmentation fault). Remove the backslash.',
    unbalanced:
      'Unbalanced {token} quote in "{command}"; keepalived reports "missing terminating {token}" and drops the script.',
    ignoredWords:
      '"{keyword}" takes the command as one word: keepalived runs "{command}" alone and never passes "{ignored}". Quote the whole command: {keyword} "{suggestion}".',
    ignoredAfterQuote:
      '"{keyword}" takes the command as one word: keepalived runs "{command}" and ignores "{ignored}" after it. Put arguments inside the quotes; a user goes on a "user" line of the {block}.',
  },
  check(ctx) {
    for (const u of scriptUses(ctx.parse)) {
      if (u.words.some((w) => w.opaque)) continue;
      const loc = spanning(u.words[0]!, u.words[u.words.length - 1]);
      const { argv, unbalanced } = u;
      const command = u.command;
      const last = u.words[u.words.length - 1]!;
      if (u.stmt.keyword.text === 'script' && u.stmt.parentPath === 'root > vrrp_script' && last.text.endsWith('\\')) {
        ctx.report({
          loc: last,
          messageId: 'trailingBackslash',
          data: { version: ctx.targetVersion },
          severity: 'error',
        });
        continue;
      }
      if (unbalanced) {
        ctx.report({ loc, messageId: 'unbalanced', data: { command, token: unbalanced }, severity: 'error' });
        continue;
      }
      if (u.ignored.length) {
        const keyword = u.stmt.keyword.text;
        const ignored = u.ignored.map((a) => a.text).join(' ');
        const at = u.words.length > 1 ? spanning(u.words[1]!, last) : loc;
        const first = u.words[0]!;
        if (first.quoted) {
          // After a quoted command the extra words are more likely a user than arguments.
          const block = u.stmt.parent?.keyword.text ?? 'block';
          ctx.report({ loc: at, messageId: 'ignoredAfterQuote', data: { keyword, command, ignored, block } });
        } else {
          // Quoting the words as they stand is the fix, when none of them quotes or escapes.
          const text = ctx.parse.files[first.file]?.text;
          const source = text !== undefined && last.file === first.file ? text.slice(first.start, last.end) : undefined;
          const fix =
            source !== undefined && !u.words.some((w) => w.substituted) && !/["'\\]/.test(source)
              ? { file: first.file, start: first.start, end: last.end, text: `"${source}"` }
              : undefined;
          const suggestion = `${command} ${ignored}`;
          ctx.report({ loc: at, messageId: 'ignoredWords', data: { keyword, command, ignored, suggestion }, fix });
        }
      }
      if (!argv.length) continue;
      const program = argv[0]!;
      // A shell started explicitly does its own parsing of what follows.
      if (SHELLS.test(program.text)) continue;
      const suggestion = command.includes("'")
        ? `/bin/bash -c "${command.replace(/(["\\$`])/g, '\\$1')}"`
        : `/bin/bash -c '${command}'`;
      const data = { command, suggestion };
      const bad = ((): { id: string; token: string } | undefined => {
        if (/^[<>]|^\d*>/.test(program.bare)) return { id: 'redirectProgram', token: program.text };
        if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(program.bare)) return { id: 'assignment', token: program.text };
        for (const a of argv) {
          const m = /^(?:\d*>>?|<<?|\d*>&\d*|&>)/.exec(a.bare);
          if (m) return { id: 'redirect', token: a.text };
          const op = /(\|\||&&|\||;|&$|`|\$\()/.exec(a.bare);
          if (op) return { id: 'operator', token: op[1]! };
          const v = /\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/.exec(a.bare);
          if (v) return { id: 'variable', token: v[0] };
          if (/[*]|\[[^\]]*\]/.test(a.bare) && a !== program) return { id: 'glob', token: a.text };
          if (a.bare.startsWith('~')) return { id: 'glob', token: a.text };
        }
        return undefined;
      })();
      if (bad) ctx.report({ loc, messageId: bad.id, data: { ...data, token: bad.token } });
      else if (program.text.includes('/') && !program.text.startsWith('/'))
        ctx.report({ loc, messageId: 'relative', data: { ...data, token: program.text } });
    }
  },
});
