// Only short, code-like tokens are reported: they identify a failure without carrying data.
const codeLike = /^[A-Z0-9_]{2,32}$/;

/**
 * An error's machine-readable code (`ECONNREFUSED`, `WRONGPASS`, `CERT_HAS_EXPIRED`...), else its
 * class name: never its message, which may quote a URL and its password.
 * @example errorCode(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })) // 'ECONNREFUSED'
 */
export function errorCode(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code: unknown = Reflect.get(error, 'code');
  if (typeof code === 'string' && codeLike.test(code)) return code;
  // Server replies start with their code: `WRONGPASS invalid username-password pair`.
  const firstWord = error.message.split(' ', 1)[0] ?? '';
  if (error.name === 'ReplyError' && codeLike.test(firstWord)) return firstWord;
  if (error.cause instanceof Error) return errorCode(error.cause);
  return error.name;
}
