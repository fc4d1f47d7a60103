import { type Dns01Settings, dns01Providers } from './acme-solvers.js';
import { letsEncryptProduction, letsEncryptStaging } from './cert-manager.js';
import type { PlatformArgs } from './platform.js';
import { fail } from './stack-config-error.js';

/** The `certManager` section of the stack config. */
export interface CertManagerConfig {
  readonly enabled?: boolean;
  readonly email?: string;
  readonly staging?: boolean;
  readonly acmeServer?: string;
  readonly issuerName?: string;
  readonly dns01?: Readonly<Record<string, string>>;
  readonly serviceAccountAnnotations?: Record<string, string>;
  readonly podLabels?: Record<string, string>;
}

const requiredByProvider = {
  route53: ['region'],
  cloudDNS: ['project'],
  azureDNS: ['subscriptionID', 'resourceGroupName', 'hostedZoneName'],
} as const satisfies Record<Dns01Settings['provider'], readonly string[]>;

function readDns01(section: Readonly<Record<string, string>> | undefined): Dns01Settings {
  const provider = section?.provider;
  if (!provider || !(dns01Providers as readonly string[]).includes(provider)) {
    fail(
      'certManager.dns01.provider',
      `must be one of ${dns01Providers.join(', ')}, got ${String(provider)}: the Gateways' wildcard certificates need a DNS-01 solver (or set certManager.enabled: false)`,
    );
  }
  for (const field of requiredByProvider[provider as Dns01Settings['provider']]) {
    if (!section?.[field]) fail(`certManager.dns01.${field}`, `is required for ${provider}`);
  }
  // Every field the provider needs was checked just above.
  return { ...section, provider } as Dns01Settings;
}

/**
 * The cert-manager part of the platform, or undefined when `enabled: false`.
 *
 * @example
 * readCertManagerConfig({ email: 'platform@example.com', dns01: { provider: 'route53', region: 'eu-west-1' } });
 */
export function readCertManagerConfig(section: CertManagerConfig): PlatformArgs['certManager'] {
  if (section.enabled === false) return undefined;
  if (!section.email?.includes('@')) {
    fail('certManager.email', "is required for Let's Encrypt (or set certManager.enabled: false)");
  }
  return {
    email: section.email,
    acmeServer:
      section.acmeServer ?? (section.staging ? letsEncryptStaging : letsEncryptProduction),
    dns01: readDns01(section.dns01),
    ...(section.issuerName ? { issuerName: section.issuerName } : {}),
    ...(section.serviceAccountAnnotations
      ? { serviceAccountAnnotations: section.serviceAccountAnnotations }
      : {}),
    ...(section.podLabels ? { podLabels: section.podLabels } : {}),
  };
}
