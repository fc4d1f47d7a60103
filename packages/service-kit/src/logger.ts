import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import { redactedValue, redactSecrets } from './redact-secrets.js';

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
 * the service name (a request's `c.var.logger` adds its `requestId`). Values of keys that name credentials
 * (password, secret, token, authorization, cookie...) are redacted at any depth, plus `redactPaths`.
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
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: [...redactPaths], censor: redactedValue },
    formatters: {
      level: (label) => ({ level: label }),
      bindings: (bindings) => redactSecrets(bindings),
      log: (object) => redactSecrets(object),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
