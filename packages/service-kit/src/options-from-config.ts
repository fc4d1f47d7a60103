import type { BaseConfig } from '@slipway/config';
import type { ServiceAppOptions } from './create-service-app.ts';
import type { StartServiceOptions } from './start-service.ts';

/** The options a service's base configuration decides. */
export interface ServiceOptionsFromConfig {
  readonly create: Pick<ServiceAppOptions, 'name' | 'logLevel' | 'bodyLimitBytes' | 'apiReference'>;
  readonly start: Pick<
    StartServiceOptions,
    | 'host'
    | 'port'
    | 'metricsPort'
    | 'keepAliveTimeoutMs'
    | 'drainDelayMs'
    | 'shutdownTimeoutMs'
    | 'loadShedding'
  >;
}

/**
 * Maps the base configuration (SERVICE_NAME, HOST, PORT, METRICS_PORT, LOG_LEVEL, SHUTDOWN_DRAIN_MS,
 * SHUTDOWN_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS, BODY_LIMIT_BYTES, NODE_ENV, and the load-shedding
 * bounds SHED_EVENT_LOOP_DELAY_MS and SHED_MAX_IN_FLIGHT) onto the options of `createServiceApp`
 * and `startService`.
 *
 * @example
 * const config = loadConfigOrExit(configSchema);
 * const options = serviceOptionsFromConfig(config);
 * const service = createServiceApp({ ...options.create, version: '1.0.0', health });
 * await startService(service, { ...options.start, onShutdown: [() => db.close()] });
 */
export function serviceOptionsFromConfig(config: BaseConfig): ServiceOptionsFromConfig {
  return {
    create: {
      name: config.SERVICE_NAME,
      logLevel: config.LOG_LEVEL,
      bodyLimitBytes: config.BODY_LIMIT_BYTES,
      apiReference: config.NODE_ENV === 'development',
    },
    start: {
      host: config.HOST,
      port: config.PORT,
      metricsPort: config.METRICS_PORT,
      keepAliveTimeoutMs: config.KEEP_ALIVE_TIMEOUT_MS,
      drainDelayMs: config.SHUTDOWN_DRAIN_MS,
      shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
      loadShedding: {
        maxEventLoopDelayMs: config.SHED_EVENT_LOOP_DELAY_MS,
        maxInFlight: config.SHED_MAX_IN_FLIGHT,
      },
    },
  };
}
