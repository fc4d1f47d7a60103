/** What a redacted value is replaced with in log lines. */
export const redactedValue = '[redacted]';

// Keys whose values are credentials, whatever the nesting: a guard for what paths cannot foresee.
const secretKey =
  /passw(or)?d|passphrase|secret|token|api[-_]?key|private[-_]?key|credential|authorization|^cookie$|^set-cookie$/i;
const maxDepth = 8;

// Every key of every log line is tested; a service logs the same few keys over and over.
const knownKeys = new Map<string, boolean>();
const maxKnownKeys = 1_000;
function namesSecret(key: string): boolean {
  let secret = knownKeys.get(key);
  if (secret === undefined) {
    secret = secretKey.test(key);
    if (knownKeys.size < maxKnownKeys) knownKeys.set(key, secret);
  }
  return secret;
}

/** Options of {@link redactSecrets}. */
export interface RedactOptions {
  /**
   * What to log instead of a class instance met at any depth (the logger turns errors into their
   * safe form); what it returns is redacted in turn. Without it, instances are left alone.
   */
  readonly replaceInstance?: (value: object) => unknown;
}

/**
 * Copies `value`, replacing the value of every key that names a credential (password, secret,
 * token, api key, authorization, cookie...) at any depth. Returns `value` itself when nothing
 * needs redacting; leaves class instances (errors, dates, `Secret`s) alone unless
 * `replaceInstance` says otherwise, in the same single walk.
 *
 * @example
 * redactSecrets({ user: { name: 'ada', password: 'x' } }); // { user: { name: 'ada', password: '[redacted]' } }
 */
export function redactSecrets<T>(value: T, { replaceInstance }: RedactOptions = {}): T {
  return redact(value, 0, replaceInstance) as T;
}

function redact(
  value: unknown,
  depth: number,
  replaceInstance: RedactOptions['replaceInstance'],
): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (replaceInstance && !Array.isArray(value) && !isPlainObject(value)) {
    const replaced = replaceInstance(value);
    return replaced === value ? value : redact(replaced, depth, undefined);
  }
  if (depth > maxDepth) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const redacted = redact(item, depth + 1, replaceInstance);
      if (redacted !== item) {
        copy ??= [...value];
        copy[index] = redacted;
      }
    });
    return copy ?? value;
  }
  if (!isPlainObject(value)) return value;
  let copy: Record<string, unknown> | undefined;
  // for…in over own keys: Object.entries would allocate a pair per key on every log line.
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = value[key];
    const redacted = namesSecret(key) ? redactedValue : redact(item, depth + 1, replaceInstance);
    if (redacted !== item) {
      copy ??= { ...value };
      copy[key] = redacted;
    }
  }
  return copy ?? value;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
