// Anything between `scheme://` and the next `@` in one token may be `user:password`.
const credentialsInUrl = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s@]*@/gi;

/**
 * Replaces the credentials of every URL-like substring (`scheme://user:password@host`) with
 * `[redacted]`, so error messages can be reported and logged.
 *
 * @example
 * redactCredentials('connect to redis://:hunter2@cache:6379 failed');
 * // 'connect to redis://[redacted]@cache:6379 failed'
 */
export function redactCredentials(text: string): string {
  return text.replace(credentialsInUrl, '$1[redacted]@');
}
