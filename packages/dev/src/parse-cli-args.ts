import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values<T extends Options> = ReturnType<typeof parseArgs<{ options: T }>>['values'];

/**
 * Parses a CLI's flags; on an unknown or malformed flag prints the problem and the usage,
 * and exits 2, as command-line tools conventionally do.
 * @example const values = parseCliArgs({ entry: { type: 'string' } }, help);
 */
export function parseCliArgs<const T extends Options>(
  options: T,
  help: string,
  args: readonly string[] = process.argv.slice(2),
): Values<T> {
  try {
    return parseArgs({ options, args: [...args] }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${help}`);
    process.exit(2);
  }
}
