import { ruleTester } from '../rule-tester';

ruleTester('invalid-replication', {
  valid: [
    '$INST=vrrp_script chk_${N} {\\\n  script "/bin/true"\\\n}\n~SEQ(N, 1, 3) $INST\n',
    '~SEQ(N, 3) $X=1\n',
    '~SEQx(N, 0, 15) $X=1\n',
    '~LST(IF, eth0, eth1) $X=1\n',
    '~LST({A,B}, {a1,b1}, {a2,b2}) $X=1\n',
  ],
  invalid: [
    {
      name: 'missing closing parenthesis',
      code: '<|~SEQ(N, 0, 5 $X=1|>\n',
      message: '~SEQ is missing its closing ")".',
      messageId: 'missing-paren',
    },
    {
      name: 'a variable without bounds',
      code: '<|~SEQ(N) $X=1|>\n',
      messageId: 'spec',
    },
    {
      name: 'a zero step',
      code: '<|~SEQ(N, 1, 0, 3) $X=1|>\n',
      messageId: 'values',
      message: /step must not be 0/,
    },
    {
      name: 'a step going the wrong way',
      code: '<|~SEQ(N, 1, -1, 3) $X=1|>\n',
      messageId: 'values',
    },
    {
      name: '~SEQx with negative numbers',
      code: '<|~SEQx(N, -3) $X=1|>\n',
      messageId: 'values',
    },
    {
      name: '~LST without values',
      code: '<|~LST(X) $Y=1|>\n',
      messageId: 'spec',
      message: /Invalid ~LST specification/,
    },
    {
      name: 'more lines than the linter expands',
      code: '<|~SEQ(N, 200000) $X=1|>\n',
      messageId: 'too-many',
    },
  ],
});
