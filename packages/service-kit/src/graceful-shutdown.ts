import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Health } from '@slipway/health';

/** Work to do once the server has closed, such as closing a database pool. */
export type ShutdownHook = () => void | Promise<void>;

/** 0 when every request finished; 1 when requests had to be cut or a shutdown hook failed. */
export type ExitCode = 0 | 1;

/** Options of {@link gracefulShutdown}. */
export interface GracefulShutdownOptions {
  readonly server: Server;
  readonly health: Health;
  readonly logger: Logger;
  /** Time to keep serving after the shutdown starts, while Kubernetes removes the endpoint. */
  readonly drainDelayMs: number;
  /** Time in-flight requests get, once the drain is over, before they are cut. */
  readonly shutdownTimeoutMs: number;
  /** Run in order after the server has closed. */
  readonly onShutdown?: readonly ShutdownHook[];
}

/** The shutdown sequence of one server. */
export interface GracefulShutdown {
  /** Requests being answered right now. */
  readonly inFlight: number;
  /**
   * Runs the sequence once (later calls get the same promise) and resolves with the exit code;
   * `drainDelayMs` overrides the configured drain.
   */
  shutdown(options?: { readonly drainDelayMs?: number }): Promise<ExitCode>;
}

/**
 * Prepares `server` for a graceful shutdown. `shutdown()` then: fails readiness at once; keeps
 * serving for the drain delay, answering `Connection: close` so keep-alive clients reconnect to
 * another pod; stops accepting connections and closes idle ones; lets in-flight requests finish
 * (closing each connection as its response ends) and cuts them after `shutdownTimeoutMs`;
 * then runs the shutdown hooks.
 *
 * @example
 * const { shutdown } = gracefulShutdown({ server, health, logger, drainDelayMs: 5000, shutdownTimeoutMs: 30000 });
 * process.once('SIGTERM', () => shutdown().then((code) => process.exit(code)));
 */
export function gracefulShutdown(options: GracefulShutdownOptions): GracefulShutdown {
  const { server, health, logger, shutdownTimeoutMs, onShutdown = [] } = options;
  let draining = false;
  let closing = false;
  let inFlight = 0;
  let result: Promise<ExitCode> | undefined;

  // Prepended so the header is set before the app writes its response.
  server.prependListener('request', function trackRequest(_request, response) {
    inFlight += 1;
    if (draining) response.setHeader('Connection', 'close');
    response.once('close', () => {
      inFlight -= 1;
      // A response that started before the shutdown kept its connection open: close it now.
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });

  async function run(drainDelayMs: number): Promise<ExitCode> {
    health.markShuttingDown();
    draining = true;
    logger.info({ drainDelayMs, shutdownTimeoutMs, inFlight }, 'shutting down: draining');
    await delay(drainDelayMs);

    closing = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    let code: ExitCode = 0;
    if (!(await settlesWithin(closed, shutdownTimeoutMs))) {
      logger.error({ inFlight, shutdownTimeoutMs }, 'shutdown timeout: cutting in-flight requests');
      if (inFlight > 0) code = 1;
      server.closeAllConnections();
      await closed;
    }
    logger.info('server closed');

    for (const hook of onShutdown) {
      try {
        await hook();
      } catch (error) {
        logger.error({ err: error }, 'shutdown hook failed');
        code = 1;
      }
    }
    return code;
  }

  return {
    get inFlight() {
      return inFlight;
    },
    shutdown({ drainDelayMs = options.drainDelayMs } = {}) {
      result ??= run(drainDelayMs);
      return result;
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true as const), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
