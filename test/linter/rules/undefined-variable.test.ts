import { ruleTester } from '../rule-tester';

ruleTester('undefined-variable', {
  valid: [
    '$IF=eth0\nvrrp_instance VI_1 {\n  interface $IF\n}\n',
    '$PRIO=10\nvrrp_instance VI_1 {\n  priority ${PRIO}0\n}\n',
    // $NAME followed by a character other than blank , ) is not a reference.
    '$IF=eth0\nvrrp_instance VI_1 {\n  interface $IF.1\n}\n',
    // Built-ins; their values vary but are never errors.
    'global_defs {\n  router_id ${_INSTANCE}\n}\n',
    'vrrp_instance VI_1 {\n  priority ${_RANDOM 1 100}\n}\n',
    // More than two numbers: keepalived ignores the rest (and says so only in the system log).
    'vrrp_instance VI_1 {\n  priority ${_RANDOM 1 100 7}\n}\n',
    // From 2.4.0 keepalived moves the rest of the line too.
    { code: 'global_defs {\n  router_id ${_RANDOM 1 1000} x\n}\n', options: { targetVersion: '2.4.0' } },
    // Text after a reference without parameters, or only blanks after one with them.
    'vrrp_instance VI_1 {\n  track_script {\n    chk weight ${_RANDOM} reverse\n  }\n  priority ${_RANDOM 1 100}  \n}\n',
    // ${_ENV NAME} exists since 2.4.0.
    'global_defs {\n  router_id ${_ENV HOSTNAME}\n}\n',
    // Definitions are global: one made in an included file holds afterwards.
    {
      code: 'include defs.conf\nvrrp_instance VI_1 {\n  interface $IF\n}\n',
      files: { '/etc/keepalived/defs.conf': '$IF=eth0\n' },
    },
  ],
  invalid: [
    {
      name: 'an undefined $NAME stays as text',
      code: 'vrrp_instance VI_1 {\n  interface <|$IF|>\n}\n',
      message: '"$IF" is not defined before this line; keepalived leaves the text unchanged.',
      messageId: 'plain',
      severity: 'warning',
    },
    {
      name: 'use before the definition',
      code: 'vrrp_instance VI_1 {\n  interface <|$IF|>\n}\n$IF=eth0\n',
    },
    {
      name: 'an undefined ${NAME} keeps its braces: error',
      code: 'vrrp_instance VI_1 {\n  virtual_router_id <|${VRID}|>\n}\n',
      message:
        '"${VRID}" is not defined before this line; keepalived leaves it unchanged and its braces split the line into blocks.',
      messageId: 'braced',
      severity: 'error',
    },
    {
      name: '${_ENV} is not a built-in before 2.4.0',
      code: 'global_defs {\n  router_id <|${_ENV HOSTNAME}|>\n}\n',
      options: { targetVersion: '2.2.7' },
      messageId: 'builtin',
      severity: 'error',
      message: /keepalived 2\.2\.7/,
    },
    {
      name: 'text after ${_RANDOM …} with parameters: keepalived leaves part of the reference, "}" included, in the line',
      code: 'global_defs {\n  router_id <|${_RANDOM 1 1000}|> \\\n  max_auto_priority 10\n}\n',
      options: { targetVersion: '2.2.7' },
      message:
        'Text after "${_RANDOM …}" on the same line: keepalived 2.2.7 leaves part of the reference in the line after the value, and its "}" closes the enclosing block. Put the reference last on its line, or define the value with $NAME= first.',
      severity: 'error',
    },
    {
      name: 'a blank before the closing brace: keepalived leaves the "}" in the line',
      code: '$IF=eth1\nvrrp_instance VI_1 {\n  interface <|${IF }|>\n  priority 100\n}\n',
      messageId: 'blank',
      message:
        'Blank before the "}" of "${IF}": keepalived replaces "${IF" and one character more, so the "}" stays and closes the enclosing block. Write "${IF}".',
      severity: 'error',
    },
    {
      name: '${_RANDOM} takes digits only: "-1" makes it no reference',
      code: 'vrrp_instance VI_1 {\n  priority <|${_RANDOM -1 200}|>\n}\n',
      messageId: 'builtin',
      severity: 'error',
    },
    {
      name: '${_HASH} takes no parameters',
      code: 'global_defs {\n  smtp_helo_name a<|${_HASH 1}|>b\n}\n',
      messageId: 'builtin',
      severity: 'error',
    },
    {
      name: '${_RANDOM} with a non-numeric parameter',
      code: 'vrrp_instance VI_1 {\n  priority <|${_RANDOM a b}|>\n}\n',
      messageId: 'builtin',
      severity: 'error',
    },
  ],
});
