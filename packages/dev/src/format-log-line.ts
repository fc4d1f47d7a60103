import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

/** Options of {@link formatLogLine}. */
export interface FormatLogLineOptions {
  /** Colour the level, time and error stack with ANSI codes; defaults to false. */
  readonly color?: boolean;
}

const levelNames: Readonly<Record<number, string>> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

const levelStyles: Readonly<Record<string, Style>> = {
  trace: 'gray',
  debug: 'blue',
  info: 'green',
  warn: 'yellow',
  error: 'red',
  fatal: ['bgRed', 'white'],
};

// Shown elsewhere on the line, or noise on a laptop.
const hiddenKeys = new Set(['level', 'time', 'msg', 'name', 'pid', 'hostname', 'err', 'error']);

/**
 * Turns one JSON log line of the service kit (pino) into a line a person reads: time, level,
 * message, the other fields as `key=value`, and an error's stack below. A line that is not a
 * JSON object with a level comes back unchanged.
 * @example formatLogLine('{"level":"info","time":"2026-01-01T10:00:00.000Z","msg":"hi"}');
 * // '10:00:00.000 INFO  hi'
 */
export function formatLogLine(line: string, { color = false }: FormatLogLineOptions = {}): string {
  const entry = parseEntry(line);
  if (!entry) return line;
  const paint = (style: Style, text: string) =>
    color ? styleText(style, text, { validateStream: false }) : text;
  const level = levelName(entry.level);
  const fields = Object.entries(entry)
    .filter(([key, value]) => !hiddenKeys.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const head = [
    paint('gray', timeOfDay(entry.time)),
    paint(levelStyles[level] ?? 'white', level.toUpperCase().padEnd(5)),
    typeof entry.msg === 'string' ? entry.msg : '',
    ...fields.map((field) => paint('gray', field)),
  ]
    .filter((part) => part !== '')
    .join(' ');
  const stack = errorStack(entry.err ?? entry.error);
  return stack ? `${head}\n${paint('red', indent(stack))}` : head;
}

function parseEntry(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    return 'level' in value ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function levelName(level: unknown): string {
  if (typeof level === 'number') return levelNames[level] ?? String(level);
  return String(level);
}

function timeOfDay(time: unknown): string {
  const date = typeof time === 'string' || typeof time === 'number' ? new Date(time) : undefined;
  if (!date || Number.isNaN(date.getTime())) return '';
  return date.toISOString().slice(11, 23);
}

function errorStack(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { stack, message } = error as { stack?: unknown; message?: unknown };
  if (typeof stack === 'string') return stack;
  return typeof message === 'string' ? message : undefined;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line.trimStart()}`)
    .join('\n');
}

/**
 * Whether to colour lines written to `stream`: never with `NO_COLOR`, always with `FORCE_COLOR`
 * (but `0`), else when the stream is a terminal with colours. Under turbo, whose tasks write to
 * a pipe, `FORCE_COLOR=1 npm run dev` turns colours on.
 * @example const color = useColor(process.stdout, process.env);
 */
export function useColor(
  stream: { hasColors?: () => boolean },
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0';
  return stream.hasColors?.() ?? false;
}
