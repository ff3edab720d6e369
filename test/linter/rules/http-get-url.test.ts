import { ruleTester } from '../rule-tester';

const rs = (checker: string): string => `virtual_server 10.0.0.1 80 {\n  real_server 10.0.1.1 80 {\n${checker}  }\n}\n`;

ruleTester('http-get-url', {
  valid: [
    rs('    HTTP_GET {\n      url {\n        path /health\n        status_code 200-299\n      }\n    }\n'),
    rs('    SSL_GET {\n      url {\n        path /\n        digest 9b3a0c85a887a256d6939da88aabd8cd\n      }\n    }\n'),
    // The edges of the range, a range of one code, and a code written with leading zeros (keepalived reads 200).
    rs('    HTTP_GET {\n      url {\n        path /\n        status_code 100 599 204-204 0000000200\n      }\n    }\n'),
  ],
  invalid: [
    {
      code: rs('    <|HTTP_GET {\n      connect_timeout 3\n    }|>\n'),
      message: 'HTTP_GET has no url block with a path; keepalived ignores the checker.',
    },
    {
      code: rs('    HTTP_GET {\n      <|url {\n        status_code 200\n      }|>\n      url {\n        path /\n      }\n    }\n'),
      message: 'url has no path; keepalived ignores this url.',
    },
    {
      name: 'its only url has no path: no url is left (reported at the checker closing brace too)',
      code: rs('    <|HTTP_GET {\n      <|url {\n        status_code 200\n      }|>\n    }|>\n'),
      messages: [/HTTP_GET has no url block with a path/, 'url has no path; keepalived ignores this url.'],
    },
    {
      code: rs(
        '    HTTP_GET {\n      url {\n        path /\n        digest <|1234|>\n        status_code <|99|> 200-299 <|600|> <|300-200|>\n      }\n    }\n',
      ),
      messages: [/must be 32 hexadecimal characters/, /"99"/, /"600"/, /"300-200"/],
    },
    {
      code: rs('    HTTP_GET {\n      url {\n        path /\n        status_code <|2xx|> <|200-|> <|-200|> <|1-2-3|> <|1000|>\n      }\n    }\n'),
      messages: [/"2xx"/, /"200-"/, /"-200"/, /"1-2-3"/, /"1000"/],
    },
    {
      // A url has one digest: after one keepalived took, any other is a duplicate, whatever its value
      // (after one it refused, the next is read); each url has its own.
      code: rs(
        '    HTTP_GET {\n      url {\n        path /\n        digest <|1234|>\n        digest 9b3a0c85a887a256d6939da88aabd8cd\n        digest <|fedcba9876543210fedcba9876543210|>\n        digest <|9b3a0c85a887a256d6939da88aabd8cz|>\n      }\n      url {\n        path /x\n        digest 9b3a0c85a887a256d6939da88aabd8cd\n      }\n    }\n',
      ),
      messages: [/character length|32/, /is a duplicate/, /is a duplicate/],
    },
  ],
});
