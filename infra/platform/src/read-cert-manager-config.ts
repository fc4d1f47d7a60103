import { type Dns01Settings, dns01Providers } from './acme-solvers.ts';
import { type LetsEncryptDirectory, letsEncryptDirectories } from './cert-manager.ts';
import type { PlatformArgs } from './platform.ts';
import { fail } from './stack-config-error.ts';

/** The `certManager` section of the stack config. */
export interface CertManagerConfig {
  readonly enabled?: boolean;
  readonly email?: string;
  /** Which Let's Encrypt directory: `production` (the default) or `staging`. */
  readonly letsEncrypt?: string;
  /** Another ACME directory URL instead of Let's Encrypt's. */
  readonly acmeServer?: string;
  /** No longer read: replaced by `letsEncrypt`, refused so an old stack file cannot mean the wrong thing. */
  readonly staging?: unknown;
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

const directoryNames = Object.keys(letsEncryptDirectories) as LetsEncryptDirectory[];

/**
 * The ACME directory the ClusterIssuer uses: Let's Encrypt production unless the stack says
 * `letsEncrypt: staging` (untrusted certificates) or names its own `acmeServer`.
 */
function readAcmeServer(section: CertManagerConfig): string {
  if (section.staging !== undefined) {
    fail(
      'certManager.staging',
      "is no longer read: write certManager.letsEncrypt: staging for Let's Encrypt staging (untrusted certificates), or leave both out for production",
    );
  }
  const { letsEncrypt, acmeServer } = section;
  if (acmeServer !== undefined) {
    if (letsEncrypt !== undefined) {
      fail('certManager.acmeServer', 'and certManager.letsEncrypt exclude each other: keep one');
    }
    if (
      typeof acmeServer !== 'string' ||
      !URL.canParse(acmeServer) ||
      !acmeServer.startsWith('https://')
    ) {
      fail(
        'certManager.acmeServer',
        `must be an https:// ACME directory URL, got ${JSON.stringify(acmeServer)}`,
      );
    }
    return acmeServer;
  }
  const name = letsEncrypt ?? 'production';
  if (!(directoryNames as readonly unknown[]).includes(name)) {
    fail(
      'certManager.letsEncrypt',
      `must be one of ${directoryNames.join(', ')}, got ${JSON.stringify(name)} (leave it out for production)`,
    );
  }
  return letsEncryptDirectories[name as LetsEncryptDirectory];
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
    acmeServer: readAcmeServer(section),
    dns01: readDns01(section.dns01),
    ...(section.issuerName ? { issuerName: section.issuerName } : {}),
    ...(section.serviceAccountAnnotations
      ? { serviceAccountAnnotations: section.serviceAccountAnnotations }
      : {}),
    ...(section.podLabels ? { podLabels: section.podLabels } : {}),
  };
}
