import type { Environment, ServiceManifest } from './schema.js';

/**
 * The config variable that carries a callee's base URL: `orders` → `ORDERS_URL`,
 * `user-profile` → `USER_PROFILE_URL`. Local dev, infra and the generated
 * config schemas all use this one rule.
 */
export function serviceUrlVariable(serviceName: string): string {
  return `${serviceName.toUpperCase().replaceAll('-', '_')}_URL`;
}

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
