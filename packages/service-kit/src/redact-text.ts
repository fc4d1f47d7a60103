import { redactedValue } from './redact-secrets.ts';

// Shapes a credential takes inside free text (error messages, log messages), each replaced in
// place so the rest of the text still reads. `redactSecrets` covers the keys of logged objects.
const patterns: readonly (readonly [RegExp, string])[] = [
  // postgres://user:password@host, https://token@host: the whole user-info part.
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi, `$1${redactedValue}@`],
  // An Authorization header's value.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/-]+=*/g, `$1 ${redactedValue}`],
  // password=..., "apiKey": "...", token: ... — keys named as `redactSecrets` names them.
  [
    /\b([\w-]*(?:passw(?:or)?d|passphrase|secret|token|api[-_]?key|private[-_]?key|credential)[\w-]*)(["']?\s*[:=]\s*["']?)[^\s"'&,;]+/gi,
    `$1$2${redactedValue}`,
  ],
  // JSON Web Tokens.
  [/\beyJ[\w-]*\.[\w-]+\.[\w-]*/g, redactedValue],
  // PEM private keys.
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, redactedValue],
];

const mayHoldSecret = /[:=@]|Bearer|Basic|eyJ|-----BEGIN/;

/**
 * Masks what looks like a credential inside free text: the user-info of URLs
 * (`postgres://app:[redacted]@db`), `Bearer` and `Basic` credentials, `password=...`-style pairs
 * whose key names a secret, JSON Web Tokens and PEM private keys. The logger applies it to
 * every message and every logged error's message.
 *
 * @example
 * redactSecretText('connect to postgres://app:hunter2@db:5432 failed');
 * // 'connect to postgres://[redacted]@db:5432 failed'
 */
export function redactSecretText(text: string): string {
  // Every log message passes here: most hold none of the characters a credential needs.
  if (!mayHoldSecret.test(text)) return text;
  let redacted = text;
  for (const [pattern, replacement] of patterns) redacted = redacted.replace(pattern, replacement);
  return redacted;
}
