import { z } from 'zod';
import {
  loadSheddingDefaults,
  loadSheddingVariables,
  metricsEndpoint,
  platformVariables,
} from '@slipway/platform-contract';

/** Local-development defaults a service gives for its identity. */
export interface ServiceDefaults {
  /** The service name, as in its manifest; used when SERVICE_NAME is unset. */
  readonly name: string;
  /** The manifest's port; used when PORT is unset. */
  readonly port: number;
}

/**
 * The server and shutdown settings a service runs with when its environment does not set
 * them; the service kit's own defaults are these, so the two never disagree.
 */
export const serverDefaults = {
  /** Every IPv4 interface: in a container the pod's network must reach the service. */
  host: '0.0.0.0',
  /** Time to keep serving after SIGTERM while Kubernetes removes the endpoint. */
  shutdownDrainMs: 5_000,
  /** Hard deadline for in-flight requests once the drain is over. */
  shutdownTimeoutMs: 30_000,
  /** Above common load-balancer idle timeouts (60 s), so the balancer closes first. */
  keepAliveTimeoutMs: 65_000,
  bodyLimitBytes: 1_048_576,
} as const;

const dnsLabel = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const milliseconds = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
// A bound of the service kit's load shedding: a whole number, 0 turning it off.
const sheddingBound = (fallback: number, unit: string) => {
  const whole = `must be a whole number of ${unit}; 0 turns this bound off`;
  return z.coerce
    .number({ error: whole })
    .int(whole)
    .min(0, `must be 0 or more ${unit}; 0 turns this bound off`)
    .default(fallback);
};

/**
 * The variables every Slipway service reads. Service schemas extend this
 * shape (see {@link defineConfigSchema}); the service kit takes its server and
 * shutdown settings from it.
 */
export function baseConfigShape(defaults?: ServiceDefaults) {
  const name = z.string().regex(dnsLabel, 'must be a DNS-1123 label such as "orders"');
  const port = z.coerce.number().int().min(0).max(65535);
  const v = platformVariables;
  const shed = loadSheddingVariables;
  return {
    [v.serviceName]: defaults ? name.default(defaults.name) : name,
    [v.nodeEnv]: z.enum(['development', 'test', 'production']).default('development'),
    [v.host]: z.string().min(1).default(serverDefaults.host),
    [v.port]: defaults ? port.default(defaults.port) : port,
    // Apart from PORT, so the gateway never reaches it; a cluster's scrape config names this one.
    [v.metricsPort]: port.default(metricsEndpoint.port),
    [v.logLevel]: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    [v.shutdownDrainMs]: milliseconds(serverDefaults.shutdownDrainMs),
    [v.shutdownTimeoutMs]: milliseconds(serverDefaults.shutdownTimeoutMs),
    [v.keepAliveTimeoutMs]: milliseconds(serverDefaults.keepAliveTimeoutMs),
    [v.bodyLimitBytes]: z.coerce.number().int().min(1).default(serverDefaults.bodyLimitBytes),
    [shed.maxEventLoopDelayMs]: sheddingBound(
      loadSheddingDefaults.maxEventLoopDelayMs,
      'milliseconds',
    ),
    [shed.maxInFlight]: sheddingBound(loadSheddingDefaults.maxInFlight, 'requests'),
  };
}

/** The base schema, with SERVICE_NAME and PORT required. */
export const baseConfigSchema = z.object(baseConfigShape());

/** The base configuration every service has. */
export type BaseConfig = z.output<typeof baseConfigSchema>;

/**
 * A service's config schema: the base variables (with the service's own
 * name and port as local defaults) plus its own.
 * @example
 * export const configSchema = defineConfigSchema({ name: 'gateway', port: 3000 }, {
 *   ORDERS_URL: z.url().default('http://127.0.0.1:3001'),
 * });
 */
export function defineConfigSchema<Shape extends z.ZodRawShape>(
  defaults: ServiceDefaults,
  shape: Shape,
) {
  return z.object({ ...baseConfigShape(defaults), ...shape });
}
