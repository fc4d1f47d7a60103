import type { ServiceManifest } from '@slipway/service-manifest';
import { kindE2e } from './kind-e2e-settings.ts';

/**
 * The platform stack on kind: the real Envoy Gateway (its charts are reachable on GitHub) with a
 * Gateway for the e2e namespace; cert-manager off (Let's Encrypt cannot reach a runner; the run
 * installs the listener's certificate), Velero off (no object storage) and the monitoring stack
 * off (not what the e2e exercises).
 * @example cli.setConfig(cliConfig(kindPlatformConfig(), 'slipway-platform'));
 */
export function kindPlatformConfig(): Record<string, unknown> {
  return {
    // The stack (e2e) is not named after an environment: dev's profile, as the services stack's.
    environment: 'dev',
    namespaces: [kindE2e.namespace],
    kubeContext: `kind-${kindE2e.cluster}`,
    gateway: { domains: { [kindE2e.namespace]: kindE2e.domain } },
    certManager: { enabled: false },
    backups: { enabled: false },
    // The collection stack is not what the e2e exercises; its images would double the pull.
    monitoring: { enabled: false },
  };
}

/**
 * The services stack on kind: the images loaded into kind, the platform stack for the gateway,
 * and each declared secret. Only DATABASE_URL has a value here (the run's PostgreSQL).
 * @throws Error naming a secret the run has no value for.
 * @example kindServicesConfig(manifests, images, 'organization/slipway-platform/e2e', databaseUrl)
 */
export function kindServicesConfig(
  manifests: readonly ServiceManifest[],
  images: Readonly<Record<string, string>>,
  platformStack: string,
  databaseUrl: string | undefined,
): { readonly plain: Record<string, unknown>; readonly secrets: Record<string, string> } {
  // By config path (`secrets.<service>.<NAME>`), as `pulumi config set --secret --path` takes them.
  const secrets: Record<string, string> = {};
  for (const manifest of manifests) {
    for (const name of manifest.secrets) {
      if (name !== 'DATABASE_URL' || !databaseUrl) {
        throw new Error(
          `the kind e2e has no value for ${manifest.name}'s secret ${name} (only DATABASE_URL, from SLIPWAY_E2E_DATABASE_URL)`,
        );
      }
      secrets[`secrets.${manifest.name}.${name}`] = databaseUrl;
    }
  }
  return {
    plain: { namespace: kindE2e.namespace, environment: 'dev', platformStack, images },
    secrets,
  };
}
