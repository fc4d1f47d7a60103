import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** One flag of a CLI: its type, its help line and an optional default. */
interface CliFlag {
  readonly type: 'string' | 'boolean';
  readonly description: string;
  readonly default?: string | boolean;
}

/** What a CLI is called, what it does and which flags it takes. */
export interface CliSpec {
  readonly name: string;
  readonly summary: string;
  readonly flags: Readonly<Record<string, CliFlag>>;
  /** Extra lines printed after the flags, e.g. examples. */
  readonly notes?: readonly string[];
}

/** Parsed flag values, keyed by flag name. */
export type CliValues = Record<string, string | boolean | undefined>;

/** Thrown for a usage mistake: the CLI prints it with a pointer to `--help` and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Renders the `--help` text of a CLI.
 * @example process.stdout.write(formatHelp(spec));
 */
export function formatHelp(spec: CliSpec): string {
  const rows = Object.entries({
    ...spec.flags,
    help: { type: 'boolean', description: 'Show this help.' } as CliFlag,
  }).map(([flag, def]) => {
    const left = def.type === 'string' ? `--${flag} <value>` : `--${flag}`;
    const suffix = def.default === undefined ? '' : ` (default: ${String(def.default)})`;
    return `  ${left.padEnd(28)} ${def.description}${suffix}`;
  });
  const notes = spec.notes?.length ? `\n${spec.notes.join('\n')}\n` : '';
  return `Usage: ${spec.name} [flags]\n\n${spec.summary}\n\nFlags:\n${rows.join('\n')}\n${notes}`;
}

/**
 * Parses argv against a spec. Returns `undefined` when `--help` was asked for (and printed).
 * @throws UsageError on unknown flags or stray positional arguments.
 * @example const values = parseCli(spec, process.argv.slice(2)); if (!values) return;
 */
export function parseCli(
  spec: CliSpec,
  argv: readonly string[],
  write: (text: string) => void = (text) => process.stdout.write(text),
): CliValues | undefined {
  const options: Record<string, { type: 'string' | 'boolean'; default?: string | boolean }> = {
    help: { type: 'boolean' },
  };
  for (const [flag, def] of Object.entries(spec.flags)) {
    options[flag] = {
      type: def.type,
      ...(def.default === undefined ? {} : { default: def.default }),
    };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) {
    write(formatHelp(spec));
    return undefined;
  }
  return parsed.values as CliValues;
}

/**
 * Reads a string flag that must be present.
 * @throws UsageError when it is missing or empty.
 * @example const stack = requireString(values, 'stack');
 */
export function requireString(values: CliValues, flag: string): string {
  const value = values[flag];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new UsageError(`--${flag} is required`);
  }
  return value;
}

/**
 * Reads an optional string flag; empty strings (an unset workflow variable) count as absent.
 * @example const registry = optionalString(values, 'registry');
 */
export function optionalString(values: CliValues, flag: string): string | undefined {
  const value = values[flag];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Appends `key=value` lines to the file GitHub Actions reads step outputs from
 * (`$GITHUB_OUTPUT`); does nothing outside Actions. Values must be single-line, so a
 * value can never smuggle in another output.
 * @example writeGithubOutputs({ sha, services: JSON.stringify(names) });
 */
export function writeGithubOutputs(
  outputs: Readonly<Record<string, string>>,
  file: string | undefined = process.env.GITHUB_OUTPUT,
): void {
  if (!file) return;
  const lines = Object.entries(outputs).map(([key, value]) => {
    if (/[\r\n]/.test(value) || /[\r\n=]/.test(key)) {
      throw new Error(`output ${key} must be a single line`);
    }
    return `${key}=${value}\n`;
  });
  appendFileSync(file, lines.join(''));
}

/**
 * Runs a CLI's main function: usage errors exit 2 with a pointer to `--help`, other errors
 * exit 1 with their message (never a stack trace full of paths), success exits 0.
 * @example await runCli(spec, (argv) => main(argv));
 */
export async function runCli(
  spec: CliSpec,
  main: (argv: readonly string[]) => Promise<void> | void,
  argv: readonly string[] = process.argv.slice(2),
): Promise<void> {
  try {
    await main(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError) {
      process.stderr.write(`${spec.name}: ${message}\nRun with --help for usage.\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`${spec.name}: ${message}\n`);
    process.exitCode = 1;
  }
}
