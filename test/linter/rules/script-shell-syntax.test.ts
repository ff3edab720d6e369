import { ruleTester } from '../rule-tester';

const script = (cmd: string): string => `vrrp_script chk {\n  script ${cmd}\n}\n`;

ruleTester('script-shell-syntax', {
  valid: [
    script('"/usr/bin/pgrep -x nginx"'),
    script('"/bin/bash -c \'</dev/tcp/127.0.0.1/80\'"'),
    script('"/bin/sh -c \'curl -fs http://localhost/ | grep -q ok && exit 0\'"'),
    script('"/usr/bin/curl -fs \'http://localhost/?a=1&b=2\'"'),
    script('"killall -0 haproxy"'),
    // User and group words are not part of the command.
    'vrrp_instance VI_1 {\n  notify_master "/usr/local/bin/master.sh" root root\n}\n',
    // A command without arguments needs no quotes.
    script('/usr/local/bin/check_nginx.sh'),
    'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    MISC_CHECK {\n      misc_path "/usr/local/bin/check.sh 10.0.0.2"\n    }\n  }\n}\n',
  ],
  invalid: [
    {
      name: 'a vrrp_script line ending in a backslash (keepalived 2.2.7 segfaults)',
      code: script('<|"/bin/true"\\|>'),
      messageId: 'trailingBackslash',
      severity: 'error',
    },
    {
      name: 'bash /dev/tcp redirection (the nginx-ha example)',
      code: script('<|"</dev/tcp/127.0.0.1/8001"|>'),
      message:
        'keepalived runs "</dev/tcp/127.0.0.1/8001" without a shell: it looks for a program named "</dev/tcp/127.0.0.1/8001", does not find it and disables the script, so this check never runs. Run it through a shell: "/bin/bash -c \'</dev/tcp/127.0.0.1/8001\'".',
    },
    {
      code: script('<|"/usr/bin/curl -s http://localhost/ | grep ok"|>'),
      messageId: 'operator',
      message: /"\|" is passed as a plain argument/,
    },
    {
      code: script('<|"/usr/bin/test -f /run/a && /usr/bin/test -f /run/b"|>'),
      message: /"&&" is passed as a plain argument/,
    },
    {
      code: 'vrrp_instance VI_1 {\n  notify_master <|"/usr/bin/logger $STATE"|>\n}\n',
      messageId: 'variable',
    },
    {
      code: script('<|"/bin/ls /var/run/*.pid"|>'),
      messageId: 'glob',
    },
    {
      code: script('<|"/usr/bin/pgrep nginx > /dev/null"|>'),
      messageId: 'redirect',
    },
    {
      code: script('<|"scripts/check.sh"|>'),
      messageId: 'relative',
    },
    {
      name: 'arguments outside the quotes: keepalived runs the first word alone (a fix quotes the whole command)',
      code: script('/usr/bin/pgrep <|-x haproxy|>'),
      message:
        '"script" takes the command as one word: keepalived runs "/usr/bin/pgrep" alone and never passes "-x haproxy". Quote the whole command: script "/usr/bin/pgrep -x haproxy".',
      output: 'vrrp_script chk {\n  script "/usr/bin/pgrep -x haproxy"\n}\n',
    },
    {
      name: 'misc_path too; after a quoted command the word may be a user: said so, without a fix',
      code: 'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    MISC_CHECK {\n      misc_path "/usr/local/bin/check.sh" <|nobody|>\n    }\n  }\n}\n',
      message:
        '"misc_path" takes the command as one word: keepalived runs "/usr/local/bin/check.sh" and ignores "nobody" after it. Put arguments inside the quotes; a user goes on a "user" line of the MISC_CHECK.',
      output: null,
    },
    {
      name: 'a quote left open as the very last character ends the word, and the script runs: only the word after the command is dropped',
      code: script('"/usr/bin/touch /tmp/x" <|extra"|>'),
      message:
        /keepalived runs "\/usr\/bin\/touch \/tmp\/x" and ignores "extra" after it\. .* "user" line of the vrrp_script\.$/,
      output: null,
    },
    {
      name: 'unbalanced quote inside the command: keepalived drops the script',
      code: script('<|"/bin/echo \'abc"|>'),
      messageId: 'unbalanced',
      severity: 'error',
    },
  ],
});
