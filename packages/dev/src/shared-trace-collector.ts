import { loopbackHost, telemetry } from '@slipway/platform-contract';
import { parseDevPort } from './dev-port.ts';
import {
  collectorName,
  type RunningTraceCollector,
  startTraceCollector,
  type TracesAnswer,
  tracesPath,
} from './trace-collector.ts';

/** The variable that moves the local trace collector off its port. */
export const tracesPortVariable = 'SLIPWAY_TRACES_PORT';

/**
 * The local collector's port: `SLIPWAY_TRACES_PORT`, else OTLP/HTTP's own (4318, the contract's
 * `telemetry.collector.otlpHttpPort`), the port every OpenTelemetry tool expects on a machine.
 * @throws Error naming the variable when it is not a port number.
 * @example tracesPort({}); // 4318
 */
export function tracesPort(env: Readonly<Record<string, string | undefined>>): number {
  const given = env[tracesPortVariable];
  if (given === undefined || given === '') return telemetry.collector.otlpHttpPort;
  return parseDevPort(given, tracesPortVariable, `${telemetry.collector.otlpHttpPort}`);
}

/** The collector's base address (`OTEL_EXPORTER_OTLP_ENDPOINT`) on `port`. */
export function collectorUrl(port: number): string {
  return `http://${loopbackHost}:${port}`;
}

/**
 * What answers on the collector's port: `'collector'` (a slipway-dev's, with its traces),
 * `'other'` (something else), or `'nothing'`.
 * @example const { state } = await probeTraceCollector(4318);
 */
export async function probeTraceCollector(
  port: number,
): Promise<{ state: 'collector'; answer: TracesAnswer } | { state: 'other' | 'nothing' }> {
  let response: Response;
  try {
    response = await fetch(`${collectorUrl(port)}${tracesPath}`, {
      signal: AbortSignal.timeout(2_000),
    });
  } catch (error) {
    // A timeout: something holds the port but does not answer like HTTP.
    return { state: error instanceof Error && error.name === 'TimeoutError' ? 'other' : 'nothing' };
  }
  try {
    const answer = (await response.json()) as Partial<TracesAnswer>;
    if (answer.collector === collectorName && Array.isArray(answer.traces)) {
      return { state: 'collector', answer: answer as TracesAnswer };
    }
  } catch {
    // Not JSON: not ours.
  }
  return { state: 'other' };
}

/** How this slipway-dev gets a collector: its own, another's, or none as the port is taken. */
export type SharedCollector =
  | { readonly state: 'hosting'; readonly collector: RunningTraceCollector }
  | { readonly state: 'shared' }
  | { readonly state: 'taken' };

/**
 * Makes sure one local collector listens on `port` for every slipway-dev of the machine: the
 * first to start binds it (in its own process), the others find it answering and send there.
 * Two starting at once is fine: the one that loses the bind finds the winner's. When the port is
 * held by anything else, the answer is `'taken'`, and the caller says so.
 * @example const shared = await shareTraceCollector(4318); // { state: 'hosting', collector }
 */
export async function shareTraceCollector(port: number): Promise<SharedCollector> {
  if ((await probeTraceCollector(port)).state === 'collector') return { state: 'shared' };
  try {
    return { state: 'hosting', collector: await startTraceCollector({ port }) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
  }
  return (await probeTraceCollector(port)).state === 'collector'
    ? { state: 'shared' }
    : { state: 'taken' };
}

/**
 * For a slipway-dev that sends to another's collector: checks every `everyMs` that it still
 * answers, and binds the port itself when that slipway-dev has stopped, so the services that
 * keep running keep their traces (the earlier ones went with it). Returns the stop function.
 * @example const stop = keepTraceCollector(4318, (collector) => say('now keeping the traces'));
 */
export function keepTraceCollector(
  port: number,
  onTakeOver: (collector: RunningTraceCollector) => void,
  everyMs = 2_000,
): () => void {
  let checking = false;
  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    void probeTraceCollector(port)
      .then(async ({ state }) => {
        if (state !== 'nothing') return;
        const collector = await startTraceCollector({ port }).catch(() => undefined);
        if (collector) {
          clearInterval(timer);
          onTakeOver(collector);
        }
      })
      .finally(() => {
        checking = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
