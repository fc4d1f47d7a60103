import type { Environment, ServiceManifest } from './schema.ts';

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
