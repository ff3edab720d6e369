import { ruleTester } from '../rule-tester';

const inst = (body: string): string => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}}\n`;

ruleTester('script-security', {
  valid: [
    'global_defs {\n  enable_script_security\n  script_user root\n}\n' +
      inst('  notify_master "/usr/bin/logger master"\n'),
    // keepalived cannot find these programs, so it runs nothing and reports nothing.
    'vrrp_script chk {\n  script "</dev/tcp/127.0.0.1/80"\n}\n',
    inst('  notify_master "scripts/master.sh"\n'),
    // Without any vrrp_instance the VRRP process has nothing to run.
    'vrrp_script chk {\n  script "/usr/bin/pgrep -x nginx"\n}\n',
    // Unbalanced quote: keepalived drops the script.
    inst('  notify_master "/bin/echo \'abc"\n'),
    // A user and a group that may exist.
    'global_defs {\n  enable_script_security\n  script_user root\n}\n' +
      inst('  notify_master /usr/bin/logger root wheel\n'),
  ],
  invalid: [
    {
      name: "a number as a notify script's group: keepalived finds no such group and drops the script",
      code:
        'global_defs {\n  enable_script_security\n  script_user root\n}\n' +
        inst('  notify_master /usr/bin/logger root <|100|>\n'),
      message:
        'keepalived looks a script\'s group up by name: unless a group is called "100", it ignores this script (it logs "Script group \'100\' does not exist"). Give the group\'s name, not its number.',
      severity: 'warning',
    },
    {
      name: 'a path as the group',
      code: inst('  notify_master /usr/bin/logger root <|/etc/group|>\n'),
      message:
        '"/etc/group" cannot be a group name: keepalived finds no such group and ignores this script (it logs "Script group \'/etc/group\' does not exist"). keepalived\'s comments start with "#" or "!".',
      severity: 'warning',
    },
    {
      name: "a number as a notify script's user: keepalived finds no such user and drops the script",
      code: inst('  notify_master "/bin/echo \'hello world\' arg2" <|0|>\n'),
      message:
        'keepalived looks a script\'s user up by name: unless a user is called "0", it ignores this script (it logs "Script user \'0\' does not exist"). Give the user\'s name, not its number.',
      severity: 'warning',
    },
    {
      name: 'a comment of another language after the command is read as its user, which cannot exist',
      code: inst('  notify_master "/bin/echo \'hello world\' arg2" <|/*|> note */\n'),
      message:
        '"/*" cannot be a user name: keepalived finds no such user and ignores this script (it logs "Script user \'/*\' does not exist"). keepalived\'s comments start with "#" or "!".',
      severity: 'warning',
    },
    {
      name: 'a ";" comment after the command is read as its user too',
      code: inst('  notify_master "/bin/echo \'hello world\' arg2" <|;|> note\n'),
      message: /^";" cannot be a user name/,
      severity: 'warning',
    },
    {
      name: 'and as a vrrp_script user',
      code: 'vrrp_script chk {\n  script "/usr/bin/pgrep -x nginx"\n  user <|1000|>\n}\n' + inst(''),
      messageId: 'numericUser',
      severity: 'warning',
    },
    {
      name: 'a vrrp_script (even unused) running a system program',
      code: 'vrrp_script chk {\n  script <|"/usr/bin/pgrep -x nginx"|>\n}\n' + inst(''),
      message:
        'SECURITY VIOLATION - scripts are being executed but script_security not enabled: keepalived -t exits with status 6. Add enable_script_security (and script_user) to global_defs.',
    },
    {
      name: 'words after a quoted vrrp_script command: keepalived runs the first word of the quoted part',
      code: 'vrrp_script chk {\n  script <|"/bin/bash /data/check.sh" 10|>\n}\n' + inst(''),
      messageId: 'vrrp',
    },
    {
      name: 'a program found in PATH',
      code: inst('  notify_backup <|"killall -0 haproxy"|>\n'),
      messageId: 'vrrp',
    },
    {
      name: 'a script run as a user only the host may have: keepalived drops the script where the user does not exist, so a warning',
      code: inst('  notify_master <|"/bin/bash /usr/local/bin/a.sh"|> extra\n'),
      message:
        'Scripts are configured without enable_script_security: when user "extra" and "/bin/bash" exist on the host, keepalived reports "SECURITY VIOLATION - scripts are being executed but script_security not enabled" and -t exits with status 6 (without the user it drops the script). Add enable_script_security (and script_user) to global_defs.',
      severity: 'warning',
    },
    {
      name: 'a script run as root (every system has it)',
      code: inst('  notify_master <|"/bin/bash /usr/local/bin/a.sh"|> root\n'),
      messageId: 'vrrp',
    },
    {
      name: 'a program in a system folder that minimal hosts lack (sudo, ping): keepalived reports only where it exists, so a warning',
      code: inst(
        '  notify_master <|"/usr/bin/sudo -u ops /usr/local/bin/master.sh"|>\n  notify_backup "ping -c 1 10.0.0.1"\n',
      ),
      messageId: 'unsure',
      severity: 'warning',
    },
    {
      name: 'global notify_fifo_script belongs to the VRRP process',
      code: 'global_defs {\n  notify_fifo_script <|"/bin/true"|>\n}\n' + inst(''),
      messageId: 'vrrp',
    },
    {
      name: 'start-up scripts belong to the parent process',
      code: 'global_defs {\n  startup_script <|"/bin/true"|>\n}\n',
      messageId: 'parent',
    },
    {
      name: 'checker scripts',
      code: 'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    notify_up <|/bin/true|>\n  }\n}\n',
      messageId: 'checker',
    },
    {
      name: 'a script of its own: keepalived reports it when the file exists on the host',
      code: inst('  notify_master <|"/etc/keepalived/master.sh"|>\n'),
      messageId: 'unsure',
      severity: 'warning',
    },
    {
      name: 'enable_script_security without script_user',
      code: 'global_defs {\n  <|enable_script_security|>\n}\nvrrp_script chk {\n  script "/usr/bin/pgrep nginx"\n}\n',
      messageId: 'noUser',
      severity: 'warning',
    },
  ],
});
