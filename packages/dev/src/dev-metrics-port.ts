import type { ServiceManifest } from '@slipway/service-manifest';

/**
 * A service's metrics port under slipway-dev is its manifest port plus this: gateway 3000 →
 * 9464 (the port pods serve metrics on in a cluster, `metricsEndpoint.port`), orders 3001 → 9465.
 */
export const devMetricsPortOffset = 6464;

// Manifest ports are 1024-65535; counting past the top wraps to the bottom of that range.
const lowest = 1024;
const range = 65_536 - lowest;

/**
 * The port a service serves its metrics on under slipway-dev, where every service shares one
 * machine: its manifest's port + {@link devMetricsPortOffset} (wrapping past 65535 to 1024).
 * Manifest ports are unique, so each service gets its own, and keeps it across runs.
 * @throws Error when that is the port of a service of the catalog, naming the fix (another
 *   manifest port, or `--env METRICS_PORT=<port>` in the service's dev script).
 * @example devMetricsPort(orders, catalog); // 9465
 */
export function devMetricsPort(
  service: ServiceManifest,
  catalog: readonly ServiceManifest[],
): number {
  const port = ((service.port - lowest + devMetricsPortOffset) % range) + lowest;
  const holder = catalog.find((other) => other.port === port);
  if (holder) {
    throw new Error(
      `the metrics port of ${service.name} under slipway-dev (its port ${service.port} + ${devMetricsPortOffset}) is ${port}, the port of ${holder.name}: ` +
        `give ${service.name} its own with --env METRICS_PORT=<port> in its dev script, or move one of them to another port`,
    );
  }
  return port;
}
