import { describe, expect, it } from 'vitest';
import { redactSecretText } from './redact-text.ts';

describe('redactSecretText', () => {
  it.each([
    [
      'postgres://app:hunter2@db:5432/orders refused',
      'postgres://[redacted]@db:5432/orders refused',
    ],
    ['GET https://token123@api.example.com/x', 'GET https://[redacted]@api.example.com/x'],
    ['Authorization: Bearer abc.def-ghi', 'Authorization: Bearer [redacted]'],
    ['login with Basic dXNlcjpwYXNz== failed', 'login with Basic [redacted] failed'],
    ['password=hunter2 user=ada', 'password=[redacted] user=ada'],
    ['{"apiKey": "k-123", "name": "ada"}', '{"apiKey": "[redacted]", "name": "ada"}'],
    ['DB_PASSWORD: s3cret', 'DB_PASSWORD: [redacted]'],
    ['token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig given', 'token [redacted] given'],
  ])('masks the credential in %s', (text, expected) => {
    expect(redactSecretText(text)).toBe(expected);
  });

  it('leaves text without credentials as it is', () => {
    const text = 'password authentication failed for user "app"; token expired at 12:00';
    expect(redactSecretText(text)).toBe(text);
  });
});
