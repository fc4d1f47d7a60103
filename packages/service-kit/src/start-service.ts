import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { serverDefaults } from '@slipway/config';
import { loopbackHost, metricsEndpoint } from '@slipway/platform-contract';
import type { Service } from './create-service-app.ts';
import { type ExitCode, gracefulShutdown, type ShutdownHook } from './graceful-shutdown.ts';
import { type LoadSheddingOptions, loadShedding } from './load-shedding.ts';
import { closeMetricsServer, createMetricsServer } from './metrics-server.ts';
import { withProbeFastPath } from './probe-fast-path.ts';
import { tracingNotStarted } from './tracing/tracing-settings.ts';
import { flushTraces, isTracingOn } from './tracing/tracing-state.ts';

/** Options of {@link startService}; {@link serviceOptionsFromConfig} fills most from config. */
export interface StartServiceOptions {
  /** Port to listen on; 0 picks a free one. Defaults to 3000. */
  readonly port?: number;
  /**
   * Port of the metrics listener (`GET /metrics`), apart from `port` so nothing that reaches the
   * API reads metrics; 0 picks a free one (see `metricsUrl`). Defaults to 0;
   * `serviceOptionsFromConfig` gives `METRICS_PORT`, the contract's 9464 unless set, which a
   * cluster scrapes.
   */
  readonly metricsPort?: number;
  /** Address to listen on; defaults to `0.0.0.0` (every IPv4 interface, as a pod needs). */
  readonly host?: string;
  /** Idle keep-alive connections are closed after this; defaults to 65 000, above the 60 s idle timeout of common load balancers, so they close first. */
  readonly keepAliveTimeoutMs?: number;
  /** Time to keep serving after SIGTERM while Kubernetes removes the endpoint; defaults to 5000. */
  readonly drainDelayMs?: number;
  /** Time in-flight requests get after the drain before they are cut (exit 1); defaults to 30 000. */
  readonly shutdownTimeoutMs?: number;
  /**
   * When a saturated process answers new requests with a fast 503 (see `loadShedding`); defaults
   * to the contract's `loadSheddingDefaults`, `serviceOptionsFromConfig` gives the SHED_* config.
   */
  readonly loadShedding?: LoadSheddingOptions;
  /** Shut down gracefully on SIGTERM and SIGINT; defaults to true. */
  readonly handleSignals?: boolean;
  /** Run in order after the server has closed, e.g. to close a database pool. */
  readonly onShutdown?: readonly ShutdownHook[];
  /** Ends the process after a signal-triggered shutdown; defaults to `process.exit`. */
  readonly exit?: (code: ExitCode) => void;
}

/** A listening service. */
export interface RunningService {
  readonly port: number;
  /** Where the service answers, e.g. `http://127.0.0.1:3001`. */
  readonly url: string;
  readonly server: Server;
  readonly metricsPort: number;
  /** Where Prometheus scrapes the service, e.g. `http://127.0.0.1:9464/metrics`. */
  readonly metricsUrl: string;
  readonly metricsServer: Server;
  /** The graceful sequence a SIGTERM starts, without ending the process; resolves with the exit code it would use. */
  shutdown(): Promise<ExitCode>;
  /** Stops the service without the drain delay and without ending the process (for tests and tools). */
  close(): Promise<void>;
}

const signals = ['SIGTERM', 'SIGINT'] as const;

/**
 * Serves `service` with `@hono/node-server`, and its metrics on a port of their own, and shuts it
 * down gracefully on SIGTERM or SIGINT (see `gracefulShutdown`; the metrics listener closes once
 * the API's has), then ends the process with 0, or 1 if requests had to be cut. A second signal
 * ends the process at once. Marks the startup probe as started once both listen.
 * @throws Error when `metricsPort` is `port`, or a port is in use.
 *
 * @example
 * const service = createServiceApp({ name: 'orders' });
 * const running = await startService(service, { port: 3001, onShutdown: [() => pool.end()] });
 * console.log(running.url);
 */
export async function startService(
  service: Service,
  {
    port = 3000,
    metricsPort = 0,
    host = serverDefaults.host,
    keepAliveTimeoutMs = serverDefaults.keepAliveTimeoutMs,
    drainDelayMs = serverDefaults.shutdownDrainMs,
    shutdownTimeoutMs = serverDefaults.shutdownTimeoutMs,
    loadShedding: sheddingOptions = {},
    handleSignals = true,
    onShutdown = [],
    exit = (code) => process.exit(code),
  }: StartServiceOptions = {},
): Promise<RunningService> {
  const { logger, health } = service;
  if (metricsPort !== 0 && metricsPort === port) {
    throw new Error(
      `metrics port ${metricsPort} is the service's port too: serve metrics on a port of their own (METRICS_PORT), so the API's callers cannot read them`,
    );
  }
  const shedding = loadShedding(sheddingOptions, { registry: service.metrics, logger });
  const appListener = shedding.guard(getRequestListener(service.app.fetch));
  const server = createServer(withProbeFastPath(health, appListener, shedding));
  const metricsServer = createMetricsServer(service.metrics, logger);
  server.keepAliveTimeout = keepAliveTimeoutMs;
  // Headers of a request on a reused connection must be allowed to arrive after the idle time.
  server.headersTimeout = keepAliveTimeoutMs + 1_000;
  server.requestTimeout = Math.max(server.requestTimeout, server.headersTimeout);
  const graceful = gracefulShutdown({
    server,
    health,
    logger,
    drainDelayMs,
    shutdownTimeoutMs,
    // Scrapes go on through the drain; the metrics listener closes once the API's has. The
    // buffered spans go last, with those of the service's own hooks.
    onShutdown: [
      () => closeMetricsServer(metricsServer),
      () => shedding.stop(),
      ...onShutdown,
      () => sendTraces(logger),
    ],
  });

  try {
    await listen(server, port, host);
  } catch (error) {
    // The sampler's timer and histogram would outlive the service that never started.
    shedding.stop();
    throw error;
  }
  try {
    await listen(metricsServer, metricsPort, host);
  } catch (error) {
    shedding.stop();
    await new Promise((resolve) => server.close(resolve));
    throw new Error(
      `metrics port ${metricsPort} on ${host} is not available (${(error as Error).message}): set METRICS_PORT to a free port`,
      { cause: error },
    );
  }
  const actualPort = (server.address() as AddressInfo).port;
  const url = `http://${displayHost(host)}:${actualPort}`;
  const actualMetricsPort = (metricsServer.address() as AddressInfo).port;
  const metricsUrl = `http://${displayHost(host)}:${actualMetricsPort}${metricsEndpoint.path}`;
  health.markStarted();
  logger.info({ url, host, port: actualPort, metricsUrl }, `${service.name} listening on ${url}`);
  const tracingProblem = tracingNotStarted(isTracingOn());
  if (tracingProblem) logger.warn(tracingProblem);

  const onSignal = (signal: NodeJS.Signals) => {
    removeSignalHandlers();
    logger.info({ signal }, 'signal received: shutting down');
    graceful.shutdown().then(
      (code) => finish(code),
      (error: unknown) => {
        logger.fatal({ err: error }, 'shutdown failed');
        finish(1);
      },
    );
  };
  const finish = (code: ExitCode) => {
    logger.info({ exitCode: code }, 'stopped');
    logger.flush(() => exit(code));
  };
  const removeSignalHandlers = () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
  if (handleSignals) for (const signal of signals) process.on(signal, onSignal);

  return {
    port: actualPort,
    url,
    server,
    metricsPort: actualMetricsPort,
    metricsUrl,
    metricsServer,
    shutdown: () => {
      removeSignalHandlers();
      return graceful.shutdown();
    },
    close: async () => {
      removeSignalHandlers();
      await graceful.shutdown({ drainDelayMs: 0 });
    },
  };
}

// A collector that is down costs the last spans, never a clean exit code.
async function sendTraces(logger: Service['logger']): Promise<void> {
  try {
    const outcome = await flushTraces();
    if (outcome === 'timeout')
      logger.warn('the last spans were not sent: the collector was too slow');
  } catch (error) {
    logger.warn({ err: error }, 'the last spans were not sent: the collector refused them');
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function displayHost(host: string): string {
  if (host === '0.0.0.0') return loopbackHost;
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
