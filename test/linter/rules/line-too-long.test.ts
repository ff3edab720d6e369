import { ruleTester } from '../rule-tester';

const ascii = (n: number): string => 'a'.repeat(n);

ruleTester('line-too-long', {
  valid: [
    // 1023 bytes is the limit: "  router_id " is 12 bytes.
    `global_defs {\n  router_id ${ascii(1011)}\n}\n`,
    // 505 two-byte characters + 12 bytes = 1022 bytes, although only 517 characters.
    `global_defs {\n  router_id ${'é'.repeat(505)}\n}\n`,
    // A long comment-only line is still read into the buffer, but 1023 bytes fit.
    `# ${ascii(1021)}\n`,
  ],
  invalid: [
    {
      name: '1024 bytes of ASCII',
      code: `global_defs {\n<|  router_id ${ascii(1012)}|>\n}\n`,
      message:
        'Line is 1024 bytes; keepalived reads at most 1023 bytes per line and parses the rest as a separate line (2.4+: drops the first part).',
    },
    {
      name: 'multi-byte UTF-8 counts bytes, not characters',
      code: `global_defs {\n<|  router_id ${'é'.repeat(506)}|>\n}\n`,
      message: /Line is 1024 bytes/,
    },
    {
      name: 'CRLF: the \\r is not counted',
      code: `global_defs {\r\n<|  router_id ${ascii(1012)}|>\r\n}\r\n`,
      message: /Line is 1024 bytes/,
    },
    {
      name: 'a long comment line',
      code: `<|# ${ascii(1030)}|>\n`,
    },
  ],
});
