/**
 * The paths every service serves, and where it serves its metrics (`metricsEndpoint`): owned by
 * `@slipway/platform-contract` (the cluster probes and scrapes them too), re-exported here for the
 * service kit and services.
 *
 * @example
 * await fetch(`http://127.0.0.1:3001${serverPaths.readiness}`);
 */
export { metricsEndpoint, serverPaths } from '@slipway/platform-contract';
