/**
 * The paths every service serves: owned by `@slipway/platform-contract` (the cluster probes them
 * too), re-exported here for the service kit and services.
 *
 * @example
 * await fetch(`http://127.0.0.1:3001${serverPaths.readiness}`);
 */
export { serverPaths } from '@slipway/platform-contract';
