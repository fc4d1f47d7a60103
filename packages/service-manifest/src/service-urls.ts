import type { Environment, ServiceManifest } from './schema.js';

/**
 * @deprecated The platform contract's: import `serviceUrlVariable` from
 * `@slipway/platform-contract`. Kept until the generators stop importing it from here.
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
