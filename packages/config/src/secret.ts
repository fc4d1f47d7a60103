import { inspect } from 'node:util';
import { z } from 'zod';

const redacted = '[redacted]';

/**
 * A configuration value that must never be printed. Logging, string
 * conversion, JSON and `util.inspect` all show `[redacted]`; only an explicit
 * `reveal()` gives the value, so a leak is visible in code review.
 * @example const url = config.DATABASE_URL.reveal();
 */
export class Secret<T = string> {
  readonly #value: T;

  constructor(value: T) {
    this.#value = value;
  }

  /** The secret value. Call it where the value is used, never to log it. */
  reveal(): T {
    return this.#value;
  }

  toString(): string {
    return redacted;
  }

  toJSON(): string {
    return redacted;
  }

  [inspect.custom](): string {
    return `Secret(${redacted})`;
  }
}

/** Marks the config fields whose values are secrets, so errors never echo them. */
const secretFields = z.registry<{ secret: true }>();

/**
 * Declares a secret config value: validated by `schema`, delivered as a {@link Secret}.
 * @example const schema = defineConfigSchema({ name: 'orders', port: 3001 }, { DATABASE_URL: secret(z.url()).optional() });
 */
export function secret<T extends z.ZodType>(schema: T) {
  const field = schema.transform((value) => new Secret(value));
  secretFields.add(field, { secret: true });
  return field;
}

/** Whether a field of a config schema was declared with {@link secret}, looking through optional and default wrappers. */
export function isSecretField(field: z.core.$ZodType): boolean {
  let current: z.core.$ZodType | undefined = field;
  while (current) {
    if (secretFields.has(current)) return true;
    const def = current._zod.def as { innerType?: z.core.$ZodType };
    current = def.innerType;
  }
  return false;
}
