import type { Environment, ServiceManifest } from './schema.ts';

/**
 * The config variable that carries a callee's base URL (`orders` → `ORDERS_URL`): the platform
 * contract's rule, re-exported for the generated config schemas.
 */
export { serviceUrlVariable } from '@slipway/platform-contract';

/**
 * The non-secret config of a service in one environment: `config.default`
 * overlaid with `config.<environment>`.
 */
export function resolveServiceConfig(
  manifest: ServiceManifest,
  environment: Environment,
): Record<string, string> {
  return { ...manifest.config.default, ...manifest.config[environment] };
}
