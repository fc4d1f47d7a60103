import pino, { type DestinationStream, type LevelWithSilent, type LogFn, type Logger } from 'pino';
import { redactedValue, redactSecrets } from './redact-secrets.ts';
import { redactSecretText } from './redact-text.ts';
import { safeErrorForm, serializeError } from './serialize-error.ts';
import { logTraceFields } from './tracing/log-trace-fields.ts';

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** The service name, written as `name` on every line. */
  readonly name: string;
  /** Lowest level written; defaults to `info`. */
  readonly level?: LevelWithSilent;
  /** More paths to redact, in pino's syntax (`'body.card.number'`, `'*.iban'`). */
  readonly redactPaths?: readonly string[];
  /** Where lines go; defaults to stdout. Tests pass a stream to read them. */
  readonly destination?: DestinationStream;
}

/**
 * A pino logger that writes one JSON object per line with an ISO time, the level as a word and
 * the service name (a request's `c.var.logger` adds its `requestId`); a line written while a span is
 * active (tracing on, see `@slipway/service-kit/tracing`) carries its `trace_id` and `span_id`. Values of keys that name credentials
 * (password, secret, token, authorization, cookie...) are redacted at any depth, plus `redactPaths`.
 * Errors, at any depth, are logged in `serializeError`'s form (codes and operations, never query
 * parameters or bodies), and credentials inside messages are masked (`redactSecretText`).
 *
 * @example
 * const logger = createLogger({ name: 'orders', level: 'debug' });
 * logger.info({ orderId }, 'order created');
 */
export function createLogger({
  name,
  level = 'info',
  redactPaths = [],
  destination,
}: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    name,
    level,
    timestamp: isoTime,
    mixin: logTraceFields,
    mixinMergeStrategy: withTraceFields,
    ...(redactPaths.length > 0
      ? { redact: { paths: [...redactPaths], censor: redactedValue } }
      : {}),
    formatters: {
      level: (label) => ({ level: label }),
      bindings: (bindings) => redactSecrets(bindings),
      log: (object) => redactSecrets(object, errorsInSafeForm),
    },
    // `log` above has already turned errors into plain objects; pino's own would rebuild them.
    serializers: { err: keepSerialized, error: keepSerialized, msg: redactMessage },
    hooks: { logMethod: withSafeErrorMessage },
  };
  return destination ? pino(options, destination) : pino(options);
}

const errorsInSafeForm = { replaceInstance: safeErrorForm };

// pino's isoTime formats a Date for every line. Here the date and time up to the second are
// formatted once a second, and lines written in the same millisecond (most, under load) share one
// text.
let lastSecond = Number.NaN;
let secondPrefix = '';
let lastTimeMs = Number.NaN;
let lastTimeField = '';
function isoTime(): string {
  const now = Date.now();
  if (now === lastTimeMs) return lastTimeField;
  const second = Math.floor(now / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    secondPrefix = new Date(second * 1000).toISOString().slice(0, 20); // 2026-12-07T05:55:12.
  }
  const ms = now - second * 1000;
  lastTimeMs = now;
  lastTimeField = `,"time":"${secondPrefix}${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}Z"`;
  return lastTimeField;
}

// pino's default copies every field of the line into the mixin's object, which outside a span
// (and always with tracing off) is empty: then the line's own object serves as it is.
function withTraceFields(line: object, traceFields: object): object {
  for (const _ in traceFields) return Object.assign(traceFields, line);
  return line;
}

function keepSerialized(value: unknown): unknown {
  return value instanceof Error ? serializeError(value) : value;
}

function redactMessage(message: unknown): unknown {
  return typeof message === 'string' ? redactSecretText(message) : message;
}

// Given an error and no message, pino would write the error's own message as the line's `msg`.
function withSafeErrorMessage(this: Logger, args: Parameters<LogFn>, method: LogFn): void {
  const [first] = args;
  if (args.length === 1 && typeof first === 'object' && first !== null) {
    const error = first instanceof Error ? first : (first as { err?: unknown }).err;
    if (error instanceof Error) {
      const object = first instanceof Error ? { err: first } : first;
      method.apply(this, [object, serializeError(error).message]);
      return;
    }
  }
  method.apply(this, args);
}
