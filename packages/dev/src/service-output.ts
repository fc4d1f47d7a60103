import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { formatLogLine } from './format-log-line.ts';

/** The variable that picks how slipway-dev shows a service's logs: `pretty` (default) or `json`. */
export const logFormatVariable = 'SLIPWAY_LOG_FORMAT';

/** How slipway-dev shows a service's log lines. */
export type LogFormat = 'pretty' | 'json';

/**
 * Reads {@link logFormatVariable}: `pretty` when unset.
 * @throws Error when it is set to anything but `pretty` or `json`.
 * @example const format = parseLogFormat(process.env.SLIPWAY_LOG_FORMAT); // 'pretty'
 */
export function parseLogFormat(value: string | undefined): LogFormat {
  if (value === undefined || value === '' || value === 'pretty') return 'pretty';
  if (value === 'json') return 'json';
  throw new Error(`${logFormatVariable}=${value} is not a log format: use pretty or json`);
}

/** What the service's process says about itself: it started, or it exits with a code. */
export type ServiceEvent =
  | { readonly type: 'start' }
  | { readonly type: 'exit'; readonly code: number };

const marker = '@@slipway-dev:';

// Loaded into the service's process (Node's watcher hands its flags on): marks each start and exit
// on stdout, which slipway-dev reads and hides, so it knows the service's fate behind the watcher.
const reporter = `import { writeSync } from 'node:fs';
const mark = (event) => { try { writeSync(1, '${marker}' + event + '\\n'); } catch {} };
mark('start');
process.on('exit', (code) => mark('exit:' + code));`;

/**
 * The Node flag that makes the service's process report its start and exit on stdout, for
 * {@link pipeServiceOutput} to read.
 * @example spawn(node, ['--watch', serviceEventsFlag, 'src/index.ts']);
 */
export const serviceEventsFlag = `--import=data:text/javascript,${encodeURIComponent(reporter)}`;

/** Options of {@link pipeServiceOutput}. */
export interface PipeServiceOutputOptions {
  readonly format: LogFormat;
  /** Colour pretty lines; defaults to false. */
  readonly color?: boolean;
  /** Called for each start and exit of the service's process. */
  readonly onEvent?: (event: ServiceEvent) => void;
}

/**
 * Copies the service's stdout to `output` line by line: pretty-printed (see `formatLogLine`)
 * or as the JSON it is, without the start and exit marks of {@link serviceEventsFlag}, which go
 * to `onEvent`. Resolves when `input` ends.
 * @example await pipeServiceOutput(child.stdout, process.stdout, { format: 'pretty', onEvent });
 */
export async function pipeServiceOutput(
  input: Readable,
  output: Writable,
  { format, color = false, onEvent }: PipeServiceOutputOptions,
): Promise<void> {
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line.startsWith(marker)) {
      const event = parseEvent(line.slice(marker.length));
      if (event) onEvent?.(event);
      continue;
    }
    output.write(`${format === 'pretty' ? formatLogLine(line, { color }) : line}\n`);
  }
}

function parseEvent(text: string): ServiceEvent | undefined {
  if (text === 'start') return { type: 'start' };
  const exit = /^exit:(\d+)$/.exec(text);
  return exit ? { type: 'exit', code: Number(exit[1]) } : undefined;
}
