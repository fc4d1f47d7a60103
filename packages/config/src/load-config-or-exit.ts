import type { z } from 'zod';
import { ConfigError } from './config-error.ts';
import { type LoadConfigOptions, loadConfig } from './load-config.ts';

/** Extra hooks for {@link loadConfigOrExit}, for tests. */
export interface ExitOptions extends LoadConfigOptions {
  /** Where the problems are written. Default: stderr. */
  readonly write?: (text: string) => void;
  /** How the process ends. Default: `process.exit`. */
  readonly exit?: (code: number) => never;
}

/**
 * {@link loadConfig} for a service's entry point: on invalid configuration it
 * prints every problem and exits with code 1, so the service never starts half-configured.
 * @example const config = loadConfigOrExit(configSchema);
 */
export function loadConfigOrExit<Schema extends z.ZodObject<z.ZodRawShape>>(
  schema: Schema,
  {
    write = (text) => process.stderr.write(text),
    exit = (code) => process.exit(code),
    ...options
  }: ExitOptions = {},
): Readonly<z.output<Schema>> {
  try {
    return loadConfig(schema, options);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    write(`${error.message}\n`);
    return exit(1);
  }
}
