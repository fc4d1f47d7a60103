import { expect, it } from 'vitest';
import { redactCredentials } from './redact-credentials.ts';

it.each([
  ['postgres://app:pw@db:5432/app', 'postgres://[redacted]@db:5432/app'],
  [
    'redis://:pa/ss@cache:6379 and http://u:p@h/x',
    'redis://[redacted]@cache:6379 and http://[redacted]@h/x',
  ],
  ['GET http://orders:3000/readyz answered 500', 'GET http://orders:3000/readyz answered 500'],
  ['mail me at ops@example.com', 'mail me at ops@example.com'],
])('redacts the credentials of %s', (input, expected) => {
  expect(redactCredentials(input)).toBe(expected);
});
