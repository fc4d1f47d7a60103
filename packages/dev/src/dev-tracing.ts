import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loopbackHost, telemetry } from '@slipway/platform-contract';
import {
  collectorUrl,
  keepTraceCollector,
  shareTraceCollector,
  tracesPort,
  tracesPortVariable,
} from './shared-trace-collector.ts';

/** The service kit's entry point that starts OpenTelemetry before the service's modules. */
const tracingEntry = '@slipway/service-kit/tracing';
/** What the ready line says to see the traces. */
const tracesCommand = 'npm run traces';
/** Spans wait this long (ms) before they are sent: a request shows in the view at once. */
const devBatchDelayMs = '200';

/**
 * Whether `url` answers 2xx, asked as slipway-dev asks a service whether its API page is there:
 * with a W3C `traceparent` whose sampled flag is off, which the kit's parent-based sampler
 * follows, so slipway-dev's own requests never show up among the traces a person made.
 * @example if (await answersUntraced('http://127.0.0.1:3001/docs', signal)) say('API: …');
 */
export async function answersUntraced(url: string, signal: AbortSignal): Promise<boolean> {
  try {
    const response = await fetch(url, {
      signal,
      headers: { traceparent: '00-5a1e0000000000000000000000000001-5a1e000000000001-00' },
    });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/** How a service is traced under slipway-dev. */
export interface DevTracing {
  /** Variables for the service, below the shell's (which win). */
  readonly env: Readonly<Record<string, string>>;
  /** Node flags for the service's process. */
  readonly nodeFlags: readonly string[];
  /** The ready line's part saying where the traces are; undefined when there are none. */
  readonly readyNote?: string;
}

/** Options of {@link setUpDevTracing}. */
export interface SetUpDevTracingOptions {
  readonly service: string;
  readonly serviceDir: string;
  /** The shell's environment. */
  readonly shell: Readonly<Record<string, string | undefined>>;
  readonly say: (line: string) => void;
}

/**
 * Decides how slipway-dev traces the service: with the service kit's entry point
 * (`--import=@slipway/service-kit/tracing`), `OTEL_SERVICE_NAME=<service>`,
 * `OTEL_BSP_SCHEDULE_DELAY=200` and `OTEL_EXPORTER_OTLP_ENDPOINT` at the local collector, which
 * the first slipway-dev on the machine starts on 127.0.0.1:4318 and the others share. The shell's
 * `OTEL_EXPORTER_OTLP_ENDPOINT` wins (empty: tracing off). A service that does not use the kit is
 * not traced; a collector port held by anything else is named, and the service runs untraced.
 * @throws Error when `SLIPWAY_TRACES_PORT` is not a port number.
 * @example const tracing = await setUpDevTracing({ service: 'orders', serviceDir, shell: process.env, say });
 */
export async function setUpDevTracing({
  service,
  serviceDir,
  shell,
  say,
}: SetUpDevTracingOptions): Promise<DevTracing> {
  const off: DevTracing = { env: {}, nodeFlags: [] };
  if (!usesServiceKit(serviceDir)) return off;
  const port = tracesPort(shell);
  const traced = (endpoint: string, readyNote: string): DevTracing => ({
    env: {
      [telemetry.variables.endpoint]: endpoint,
      [telemetry.variables.serviceName]: service,
      OTEL_BSP_SCHEDULE_DELAY: devBatchDelayMs,
    },
    nodeFlags: [`--import=${tracingEntry}`],
    readyNote,
  });
  const given = shell[telemetry.variables.endpoint];
  if (given !== undefined) {
    return given.trim() === '' ? off : traced(given, `traces: sent to ${given}`);
  }
  const shared = await shareTraceCollector(port);
  if (shared.state === 'taken') {
    say(
      `port ${port} on ${loopbackHost} is held by something other than slipway-dev's trace collector, ` +
        `so ${service} runs without traces. See what holds it: lsof -iTCP:${port} -sTCP:LISTEN; ` +
        `stop it, or move the collector: ${tracesPortVariable}=<port> npm run dev ` +
        `(or send the traces there: ${telemetry.variables.endpoint}=${collectorUrl(port)} npm run dev)`,
    );
    return off;
  }
  if (shared.state === 'shared') {
    keepTraceCollector(port, () => {
      say(
        `the trace collector's slipway-dev stopped: ${service}'s now keeps the traces at ${collectorUrl(port)}`,
      );
    });
  }
  const note = port === telemetry.collector.otlpHttpPort ? '' : `${tracesPortVariable}=${port} `;
  return traced(collectorUrl(port), `traces: ${note}${tracesCommand}`);
}

/**
 * Whether the service can load the kit's tracing entry: `@slipway/service-kit` is installed
 * where Node looks for it from the service's folder (its own or a parent's `node_modules`).
 */
function usesServiceKit(serviceDir: string): boolean {
  for (let dir = serviceDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', '@slipway', 'service-kit', 'package.json')))
      return true;
    if (dirname(dir) === dir) return false;
  }
}
