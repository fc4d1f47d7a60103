/**
 * Text that breaks storage, parsers and logs, mixed into every generated string field. Random
 * generation almost never draws these (a NUL among arbitrary Unicode is a needle in a haystack),
 * yet each has broken real services: PostgreSQL refuses NUL in `text`; quotes, backslashes and
 * format directives break code that builds queries or messages from input; BOM, direction
 * overrides, astral and combining characters break length checks and display.
 * schemathesis checks each value against the field's schema first: a value the document
 * allows is sent as a valid request (and must be accepted), one it forbids as an invalid one
 * (and must be refused). Unpaired surrogates are not here: TOML cannot carry them.
 *
 * @example
 * hostileText.includes('a\u0000b'); // true
 */
export const hostileText: readonly string[] = [
  '\u0000',
  'a\u0000b',
  'SKU\u0000',
  '\u0001\u0007\u001b[31m\u007f',
  'line\r\nInjected: header',
  "' OR '1'='1' --",
  '"; DROP TABLE orders; --',
  '\\',
  '\\u0000',
  '%s%n%x%d',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell probe, literally.
  '${jndi:ldap://127.0.0.1/a}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '\ufeffBOM',
  'abc\u202edcba',
  '\uffff\ufffe',
  '\u{10ffff}',
  '📦📦📦',
  'e\u0301\u0301\u0301',
  ' ',
  '\t',
];
