import { ruleTester } from '../rule-tester';

const vrrp = 'vrrp_instance VI_1 {\n  virtual_ipaddress {\n    $VIPS\n  }\n}\n';

ruleTester('definition-split', {
  valid: [
    // A multi-line definition without blank or comment lines.
    `$VIPS=192.168.1.1 \\\n192.168.1.2\n${vrrp}`,
    // A comment after the definition has ended.
    `$VIPS=192.168.1.1 \\\n192.168.1.2\n# the VIPs\n${vrrp}`,
    // An empty line ends the definition for every process alike.
    `$VIPS=192.168.1.1 \\\n\n${vrrp}`,
    // A comment line, then an empty line: nothing is read differently.
    `$VIPS=192.168.1.1 \\\n# 192.168.1.2\n\n${vrrp}`,
    // The definition is the last thing in the file.
    '$VIPS=192.168.1.1 \\\n# 192.168.1.2\n',
    // 2.2.7 reads a comment ending in `\` as the line `\`, which goes on with the definition.
    { code: `$VIPS=192.168.1.1 \\\n# 192.168.1.2 \\\n192.168.1.3\n${vrrp}`, options: { targetVersion: '2.2.7' } },
  ],
  invalid: [
    {
      name: 'a commented-out last line',
      code: `$VIPS=192.168.1.1 \\\n<|# 192.168.1.2|>\n192.168.1.3\n${vrrp}`,
      message:
        'This line ends the definition of "$VIPS" for keepalived\'s VRRP, checker and BFD processes, which read it as an empty line, but its parent process skips it and takes the next line into "$VIPS" too. Remove this line, or end the definition before it.',
      messageId: 'split',
      severity: 'warning',
    },
    {
      name: 'a commented-out middle line keeps its backslash (2.4.0 and later stop reading at the comment)',
      code: `$VIPS=192.168.1.1 \\\n  <|# 192.168.1.2 \\|>\n192.168.1.3\n${vrrp}`,
      options: { targetVersion: '2.4.0' },
    },
    {
      name: 'a line of blanks',
      code: `$VIPS=192.168.1.1 \\\n<|   |>\n192.168.1.3\n${vrrp}`,
    },
    {
      name: 'the first comment line is reported when several follow',
      code: `$VIPS=192.168.1.1 \\\n<|# one|>\n# two\n192.168.1.3\n${vrrp}`,
    },
    {
      name: '2.2.7: a comment ending in a backslash continues the definition onto a comment line',
      code: '$X=router_id r1 # note \\\n<|# global_defs {|>\n    $X\n}\n',
      options: { targetVersion: '2.2.7' },
    },
  ],
});
