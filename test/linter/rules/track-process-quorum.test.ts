import { ruleTester } from '../rule-tester';

const process = (body: string): string => `vrrp_track_process P {\n  process sshd\n${body}}\n`;

ruleTester('track-process-quorum', {
  valid: [
    process('  quorum 2\n  quorum_max 5\n'),
    process('  quorum_max 5\n  quorum 5\n'),
    // quorum_max 0 while quorum is 1: the process must not run.
    process('  quorum_max 0\n'),
    // A value keepalived rejects sets nothing (invalid-number reports it).
    process('  quorum 0\n  quorum_max 1\n'),
  ],
  invalid: [
    {
      name: 'quorum_max below the quorum given before',
      code: process('  quorum 5\n  quorum_max <|2|>\n'),
      message: 'quorum_max 2 is less than quorum 5; keepalived ignores it ("quorum_max is less than quorum").',
    },
    {
      name: 'quorum above the quorum_max given before',
      code: process('  quorum_max 2\n  quorum <|5|>\n'),
      message: 'quorum 5 is greater than quorum_max 2; keepalived ignores it ("Quorum is greater than quorum_max").',
    },
    {
      name: 'quorum_max 0 once the quorum is above 1',
      code: process('  quorum 2\n  quorum_max <|0|>\n'),
      message: /quorum_max 0 is less than quorum 2/,
    },
  ],
});
