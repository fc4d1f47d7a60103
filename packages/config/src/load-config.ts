import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { secretFileSuffix, secretFileVariable } from '@slipway/platform-contract';
import { ConfigError, type ConfigProblem } from './config-error.ts';
import { isSecretField } from './secret.ts';

/** Where {@link loadConfig} reads values from; both are injectable for tests. */
export interface LoadConfigOptions {
  /** The environment. Default: `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Reads a `<NAME>_FILE` file. Default: `fs.readFileSync(path, 'utf8')`. */
  readonly readFile?: (path: string) => string;
}

type ObjectSchema = z.ZodObject<z.ZodRawShape>;

function describeReadError(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : 'read error';
}

/** Collects each variable's raw value from `NAME` or the file named by `NAME_FILE`. */
function collectInput(schema: ObjectSchema, options: LoadConfigOptions, problems: ConfigProblem[]) {
  const { env = process.env, readFile = (path: string) => readFileSync(path, 'utf8') } = options;
  const input: Record<string, string | undefined> = {};
  for (const name of Object.keys(schema.shape)) {
    const direct = env[name] === '' ? undefined : env[name];
    const fileVariable = secretFileVariable(name);
    const filePath = env[fileVariable] === '' ? undefined : env[fileVariable];
    if (filePath === undefined) {
      input[name] = direct;
      continue;
    }
    if (direct !== undefined) {
      problems.push({ variable: name, message: `set either ${name} or ${fileVariable}, not both` });
      continue;
    }
    try {
      // Mounted Secrets and most editors end files with a newline that is not part of the value.
      input[name] = readFile(filePath).replace(/\r?\n$/, '');
    } catch (error) {
      problems.push({
        variable: fileVariable,
        message: `cannot read '${filePath}' (${describeReadError(error)}): mount the file or fix the path`,
      });
    }
  }
  return input;
}

function withoutValue(message: string, value: string | undefined): string {
  return value ? message.split(value).join('[redacted]') : message;
}

/**
 * Reads and validates configuration from the environment, with `<NAME>_FILE`
 * files as an alternative source for any variable. Empty strings count as unset.
 * Secret fields (see `secret()`) come back as `Secret` values.
 * @throws ConfigError listing every invalid or missing variable at once; secret values never appear in it.
 * @example const config = loadConfig(configSchema);
 */
export function loadConfig<Schema extends ObjectSchema>(
  schema: Schema,
  options: LoadConfigOptions = {},
): Readonly<z.output<Schema>> {
  const problems: ConfigProblem[] = [];
  const input = collectInput(schema, options, problems);
  const result = schema.safeParse(input);
  if (!result.success) {
    // A variable whose source is already reported (unreadable file, set twice) is not reported again.
    const reported = new Set(
      problems.map((p) =>
        p.variable.endsWith(secretFileSuffix)
          ? p.variable.slice(0, -secretFileSuffix.length)
          : p.variable,
      ),
    );
    for (const issue of result.error.issues) {
      const variable = String(issue.path[0] ?? '(config)');
      if (reported.has(variable)) continue;
      const field = schema.shape[variable];
      const raw = input[variable];
      const missing = raw === undefined;
      const message = missing ? 'is required but not set' : issue.message;
      problems.push({
        variable,
        message: field && isSecretField(field) ? withoutValue(message, raw) : message,
      });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(result.data as z.output<Schema>);
}
