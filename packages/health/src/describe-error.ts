// Only short, code-like tokens are echoed: they identify the failure without carrying data.
const codeLike = /^[A-Z0-9_]{2,32}$/;

/**
 * Returns the error's machine-readable code (`ECONNREFUSED`, `28P01`, `WRONGPASS`...) when it has
 * one, otherwise its class name. Never returns the message, which may quote secrets.
 *
 * @example
 * errorCode(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
 * // 'ECONNREFUSED'
 */
export function errorCode(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code: unknown = (error as { code?: unknown }).code;
  if (typeof code === 'string' && codeLike.test(code)) return code;
  // Redis replies start with their error code: `WRONGPASS invalid username-password pair`.
  const firstWord = error.message.split(' ', 1)[0] ?? '';
  if (error.name === 'ReplyError' && codeLike.test(firstWord)) return firstWord;
  const cause: unknown = error.cause;
  if (cause instanceof Error) return errorCode(cause);
  return error.name;
}

/**
 * Returns a human-readable message from anything thrown, with credentials in URLs redacted.
 *
 * @example
 * errorMessage(new Error('boom')); // 'boom'
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string' && error !== '') return error;
  return 'check failed';
}
